/**
 * Binding the social-security card: consent, the platform's privacy agreement, then name, ID
 * number and card number, each checked by core as the applicant leaves it, then the registry
 * check on the server. The typed numbers live in this hook's state only, never in storage.
 */
import { parseCardNumber, parseIdNumber, parseName, type Result } from '@zhihui/core'
import { useRef, useState } from 'react'
import { ensurePrivacyAuthorized } from '@/platform'
import { fieldErrorsOf, isApiError } from '@/services/api-error'
import { bindCard } from '@/services/card-binding'
import { useDraftStore } from '@/stores/draft'
import { today } from '@/utils/today'

export type BindField = 'name' | 'idNumber' | 'cardNumber'
type Values = Record<BindField, string>
type Errors = Partial<Record<BindField, string>>

/** Each field as core reads it: the same check when the field is left and when submitting. */
const PARSERS = {
  name: (value: string) => parseName(value),
  idNumber: (value: string) => parseIdNumber(value, { today: today() }),
  cardNumber: (value: string) => parseCardNumber(value),
}

const messageOf = (result: Result<unknown>): string | undefined => (result.ok ? undefined : result.error.message)

const isBindField = (field: string): field is BindField => Object.prototype.hasOwnProperty.call(PARSERS, field)

function validate(field: BindField, value: string): string | undefined {
  return messageOf(PARSERS[field](value))
}

export function useBindCard() {
  const setBinding = useDraftStore((s) => s.setBinding)
  const [consented, setConsented] = useState(false)
  const [stage, setStage] = useState<'consent' | 'form' | 'done'>('consent')
  const [values, setValues] = useState<Values>({ name: '', idNumber: '', cardNumber: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [banner, setBanner] = useState<{ tone: 'error' | 'warning'; text: string }>()
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)

  async function agree(): Promise<void> {
    if (!consented) {
      setBanner({ tone: 'warning', text: '请先阅读并勾选同意上面的个人信息收集说明。' })
      return
    }
    setBanner(undefined)
    const authorized = await ensurePrivacyAuthorized()
    if (!authorized) {
      setBanner({ tone: 'warning', text: '您未同意隐私保护指引，无法继续在线申请。可以到人才服务窗口办理。' })
      return
    }
    setStage('form')
  }

  function change(field: BindField, value: string): void {
    setValues((v) => ({ ...v, [field]: value }))
    // An error stays until the field is left again, except that fixing it clears it at once.
    if (errors[field] && !validate(field, value)) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  function blur(field: BindField, value: string): void {
    setErrors((e) => ({ ...e, [field]: validate(field, value) }))
  }

  async function submit(): Promise<void> {
    if (inFlight.current) return
    const name = PARSERS.name(values.name)
    const id = PARSERS.idNumber(values.idNumber)
    const card = PARSERS.cardNumber(values.cardNumber)
    setErrors({ name: messageOf(name), idNumber: messageOf(id), cardNumber: messageOf(card) })
    if (!name.ok || !id.ok || !card.ok) {
      setBanner({ tone: 'error', text: '请按提示修改标出的项目。' })
      return
    }
    inFlight.current = true
    setSubmitting(true)
    setBanner(undefined)
    try {
      const { binding } = await bindCard({
        consent: true,
        // Send what core normalised (upper-case X, the card's spelling of the name).
        name: name.value,
        idNumber: id.value.idNumber,
        cardNumber: card.value,
      })
      setBinding({ ...binding, birthDate: id.value.birthDate })
      // The numbers have done their job: forget them.
      setValues({ name: '', idNumber: '', cardNumber: '' })
      setStage('done')
    } catch (error) {
      if (isApiError(error) && error.status === 422) {
        const mapped: Errors = {}
        for (const e of fieldErrorsOf(error)) {
          // The server may name the field with a path ('binding.idNumber').
          const field = e.field.replace(/^.*\./, '')
          if (isBindField(field)) mapped[field] = e.message
        }
        setErrors((current) => ({ ...current, ...mapped }))
        setBanner({ tone: 'error', text: error.message })
      } else if (isApiError(error) && error.status === 429) {
        setBanner({
          tone: 'warning',
          text: `${error.message}为保护您的信息安全，核验失败次数过多时会暂停绑定，请稍后再试，或携带身份证和社会保障卡到人才服务窗口办理。`,
        })
      } else {
        setBanner({ tone: 'error', text: isApiError(error) ? error.message : '绑定失败，请稍后重试。' })
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return { consented, setConsented, stage, setStage, agree, values, errors, change, blur, submit, submitting, banner }
}
