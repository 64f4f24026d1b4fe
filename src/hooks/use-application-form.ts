/**
 * The applicant-information form: every field validated by core as it is left, the server's 422
 * answers put beside the fields they name, and nothing typed ever lost (the draft store keeps it).
 * Fields are core's FORM_FIELDS, by key.
 */
import {
  FORM_FIELDS,
  fieldErrorMessage,
  formBody,
  formFieldFor,
  validateApplicationForm,
  type FieldError,
  type FormField,
  type FormValues,
} from '@zhihui/core'
import { useMemo, useRef, useState } from 'react'
import { fieldErrorsOf, isApiError } from '@/services/api-error'
import { saveApplication } from '@/services/application'
import { useDraftStore } from '@/stores/draft'
import { today } from '@/utils/today'

const ALL_FIELDS: FormField[] = FORM_FIELDS.map((field) => field.key)

export interface SaveOutcome {
  ok: boolean
}

export function useApplicationForm() {
  const form = useDraftStore((s) => s.form)
  const setField = useDraftStore((s) => s.setField)
  const setServerEligibility = useDraftStore((s) => s.setServerEligibility)
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set())
  const [serverErrors, setServerErrors] = useState<Partial<Record<FormField, string>>>({})
  const [banner, setBanner] = useState<string>()
  const [saving, setSaving] = useState(false)
  const inFlight = useRef(false)
  const day = today()

  const validation = useMemo(() => validateApplicationForm(formBody(form), { today: day }), [form, day])
  const clientErrors: FieldError[] = validation.ok ? [] : validation.errors

  function errorFor(key: FormField): string | undefined {
    return serverErrors[key] ?? (touched.has(key) ? fieldErrorMessage(clientErrors, key) : undefined)
  }

  function touch(keys: FormField[]): void {
    setTouched((current) => new Set([...current, ...keys]))
  }

  /** A typed change; the field is checked when it is left (`blur`). */
  function change<K extends FormField>(key: K, value: FormValues[K]): void {
    setField(key, value)
    if (serverErrors[key]) setServerErrors((e) => ({ ...e, [key]: undefined }))
  }

  /** A choice (picker, date, switch) is complete when made: check it at once. */
  function choose<K extends FormField>(key: K, value: FormValues[K]): void {
    change(key, value)
    touch([key])
  }

  function blur(key: FormField): void {
    touch([key])
  }

  /** Saves the draft on the server. Resolves false (with the fields marked) when it cannot. */
  async function save(editable?: ReadonlySet<FormField>): Promise<SaveOutcome> {
    if (inFlight.current) return { ok: false }
    touch(ALL_FIELDS)
    const blocking = clientErrors.filter((e) => {
      const key = formFieldFor(e.field)
      return !editable || (key !== undefined && editable.has(key))
    })
    if (blocking.length > 0) {
      setBanner(`还有${blocking.length}项需要修改，请按标出的提示填写。`)
      return { ok: false }
    }
    inFlight.current = true
    setSaving(true)
    setBanner(undefined)
    try {
      const { eligibility } = await saveApplication(formBody(useDraftStore.getState().form))
      setServerEligibility(eligibility)
      return { ok: true }
    } catch (error) {
      if (isApiError(error) && error.status === 422) {
        const mapped: Partial<Record<FormField, string>> = {}
        const unplaced: string[] = []
        for (const e of fieldErrorsOf(error)) {
          const key = formFieldFor(e.field)
          if (key) mapped[key] = e.message
          else unplaced.push(e.message)
        }
        setServerErrors(mapped)
        setBanner(unplaced.length > 0 ? unplaced.join('；') : '服务器核对发现有项目需要修改，请按标出的提示填写。')
      } else {
        setBanner(isApiError(error) ? error.message : '保存失败，请稍后重试。已填写的内容不会丢失。')
      }
      return { ok: false }
    } finally {
      inFlight.current = false
      setSaving(false)
    }
  }

  return { form, change, choose, blur, errorFor, save, saving, banner, valid: validation.ok, clientErrors }
}
