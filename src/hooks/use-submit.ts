/**
 * Submitting (or resubmitting) the application. One attempt has one Idempotency-Key, kept in the
 * draft store until the server answers, so a double tap, a retry after a lost answer, or a retry
 * after a restart all file the same single application.
 */
import { useRef, useState } from 'react'
import { isApiError } from '@/services/api-error'
import { submitApplication } from '@/services/application'
import { useDraftStore } from '@/stores/draft'
import { replace, ROUTES } from '@/utils/routes'

export function useSubmit() {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string>()
  // A ref, not state: a second tap can arrive before React re-renders the disabled button.
  const inFlight = useRef(false)

  async function submit(): Promise<void> {
    if (inFlight.current) return
    inFlight.current = true
    setSubmitting(true)
    setError(undefined)
    try {
      const key = useDraftStore.getState().ensureSubmissionKey()
      const result = await submitApplication(key)
      const store = useDraftStore.getState()
      store.recordSubmitted(result.applicationNo, result.status)
      store.clearRejection()
      replace(ROUTES.receipt, { no: result.applicationNo })
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        setError(`${e.message}可在“我的进度”查看当前状态。`)
      } else if (isApiError(e) && e.status === 0) {
        setError(`${e.message}再次点击提交不会重复提交。`)
      } else {
        setError(isApiError(e) ? e.message : '提交失败，请稍后重试。')
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return { submit, submitting, error }
}
