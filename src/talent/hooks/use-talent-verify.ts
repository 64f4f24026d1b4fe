/**
 * Verification against the talent registry: consent, the platform's privacy agreement, then
 * name, ID number, certificate number and (optionally) a mobile for texts, each checked by core
 * as it is left, then the registry on the server. Someone the registry does not know is told so
 * kindly, with the talent office's phone; nothing is filed.
 */
import { parseIdNumber, parseMobile, parseName, type Result } from '@zhihui/core'
import { useRef, useState } from 'react'
import { ensurePrivacyAuthorized } from '@/platform'
import { fieldErrorsOf, isApiError } from '@/services/api-error'
import { verifyTalent } from '@/services/talent'
import { today } from '@/utils/today'

export type VerifyField = 'name' | 'idNumber' | 'certificateNo' | 'mobile'
type Values = Record<VerifyField, string>
type Errors = Partial<Record<VerifyField, string>>

const CERTIFICATE = /^[A-Z0-9-]{4,32}$/

const PARSERS: Record<VerifyField, (value: string) => Result<unknown>> = {
  name: (value) => parseName(value),
  idNumber: (value) => parseIdNumber(value, { today: today() }),
  certificateNo: (value) =>
    CERTIFICATE.test(value.trim().toUpperCase())
      ? { ok: true, value: value.trim().toUpperCase() }
      : { ok: false, error: { code: 'CERTIFICATE_FORMAT', message: '请填写人才认定证书上的证书编号（4至32位字母、数字或“-”）。' } },
  mobile: (value) => (value.trim() === '' ? { ok: true, value: '' } : parseMobile(value)),
}

const messageOf = (result: Result<unknown>): string | undefined => (result.ok ? undefined : result.error.message)
const isField = (field: string): field is VerifyField => Object.prototype.hasOwnProperty.call(PARSERS, field)

export type VerifyOutcome = 'verified' | 'not-found' | undefined

export function useTalentVerify(onVerified: () => void) {
  const [consented, setConsented] = useState(false)
  const [stage, setStage] = useState<'consent' | 'form'>('consent')
  const [values, setValues] = useState<Values>({ name: '', idNumber: '', certificateNo: '', mobile: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [banner, setBanner] = useState<{ tone: 'error' | 'warning'; text: string }>()
  const [notFound, setNotFound] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)

  async function agree(): Promise<void> {
    if (!consented) {
      setBanner({ tone: 'warning', text: '请先阅读并勾选同意上面的个人信息收集说明。' })
      return
    }
    setBanner(undefined)
    if (!(await ensurePrivacyAuthorized())) {
      setBanner({ tone: 'warning', text: '您未同意隐私保护指引，无法在线核验。可以致电人才服务窗口办理。' })
      return
    }
    setStage('form')
  }

  function change(field: VerifyField, value: string): void {
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field] && !messageOf(PARSERS[field](value))) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  function blur(field: VerifyField, value: string): void {
    setErrors((e) => ({ ...e, [field]: messageOf(PARSERS[field](value)) }))
  }

  async function submit(): Promise<void> {
    if (inFlight.current) return
    const checked = Object.fromEntries((Object.keys(PARSERS) as VerifyField[]).map((f) => [f, PARSERS[f](values[f])])) as Record<VerifyField, Result<unknown>>
    const found: Errors = {}
    for (const field of Object.keys(checked) as VerifyField[]) found[field] = messageOf(checked[field])
    setErrors(found)
    if (Object.values(found).some(Boolean)) {
      setBanner({ tone: 'error', text: '请按提示修改标出的项目。' })
      return
    }
    inFlight.current = true
    setSubmitting(true)
    setBanner(undefined)
    setNotFound(undefined)
    try {
      const id = checked.idNumber as { ok: true; value: { idNumber: string } }
      const mobile = (checked.mobile as { ok: true; value: string }).value
      await verifyTalent({
        consent: true,
        name: (checked.name as { ok: true; value: string }).value,
        idNumber: id.value.idNumber,
        certificateNo: (checked.certificateNo as { ok: true; value: string }).value,
        ...(mobile ? { mobile } : {}),
      })
      setValues({ name: '', idNumber: '', certificateNo: '', mobile: '' })
      onVerified()
    } catch (error) {
      if (isApiError(error) && error.code === 'TALENT_NOT_FOUND') {
        setNotFound(error.message)
      } else if (isApiError(error) && error.status === 422) {
        const mapped: Errors = {}
        for (const e of fieldErrorsOf(error)) if (isField(e.field)) mapped[e.field] = e.message
        setErrors((current) => ({ ...current, ...mapped }))
        setBanner({ tone: 'error', text: error.message })
      } else {
        setBanner({ tone: 'error', text: isApiError(error) ? error.message : '核验失败，请稍后重试。' })
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return { consented, setConsented, stage, agree, values, errors, change, blur, submit, submitting, banner, notFound }
}
