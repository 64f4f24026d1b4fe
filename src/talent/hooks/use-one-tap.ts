/**
 * One tap files a request ("只需按一个键" [seed, second article]); for a few seconds an undo
 * cancels it. Each tap has its own Idempotency-Key, kept while that tap is retried after a
 * network failure, so a double tap or a retry files one request; a second tap while the first is
 * in flight is ignored.
 */
import { useEffect, useRef, useState } from 'react'
import { isApiError } from '@/services/api-error'
import { cancelTalentRequest, fileTalentRequest } from '@/services/talent'
import { newIdempotencyKey } from '@/utils/idempotency-key'

export const UNDO_SECONDS = 5

export type TapState =
  | { kind: 'idle' }
  | { kind: 'filing'; serviceId: string }
  | { kind: 'filed'; serviceId: string; label: string; bureau: string; requestId: string; secondsLeft: number }
  | { kind: 'kept'; label: string; bureau: string }
  | { kind: 'undone'; label: string }
  | { kind: 'error'; message: string }

export function useOneTap() {
  const [state, setState] = useState<TapState>({ kind: 'idle' })
  const inFlight = useRef(false)
  // The key of a tap that did not get an answer: the next tap on the same service retries it.
  const pendingKey = useRef<{ serviceId: string; key: string }>()
  const timer = useRef<ReturnType<typeof setInterval>>()

  const stopTimer = () => {
    if (timer.current !== undefined) clearInterval(timer.current)
    timer.current = undefined
  }
  useEffect(() => stopTimer, [])

  async function tap(service: { id: string; label: string; bureau: string }): Promise<void> {
    if (inFlight.current) return
    inFlight.current = true
    stopTimer()
    setState({ kind: 'filing', serviceId: service.id })
    const key = pendingKey.current?.serviceId === service.id ? pendingKey.current.key : newIdempotencyKey()
    pendingKey.current = { serviceId: service.id, key }
    try {
      const filed = await fileTalentRequest(service.id, key)
      pendingKey.current = undefined
      setState({ kind: 'filed', serviceId: service.id, label: service.label, bureau: service.bureau, requestId: filed.requestId, secondsLeft: UNDO_SECONDS })
      timer.current = setInterval(() => {
        setState((current) => {
          if (current.kind !== 'filed') return current
          if (current.secondsLeft <= 1) {
            stopTimer()
            return { kind: 'kept', label: current.label, bureau: current.bureau }
          }
          return { ...current, secondsLeft: current.secondsLeft - 1 }
        })
      }, 1000)
    } catch (error) {
      // Only a lost answer keeps the key: any answer from the server ends this tap.
      if (!(isApiError(error) && error.status === 0)) pendingKey.current = undefined
      setState({
        kind: 'error',
        message: isApiError(error)
          ? error.status === 0
            ? `${error.message}再点一次不会重复提交。`
            : error.message
          : '提交失败，请稍后重试。',
      })
    } finally {
      inFlight.current = false
    }
  }

  async function undo(): Promise<void> {
    if (state.kind !== 'filed' || inFlight.current) return
    inFlight.current = true
    stopTimer()
    const { requestId, label, bureau } = state
    try {
      await cancelTalentRequest(requestId)
      setState({ kind: 'undone', label })
    } catch (error) {
      // Too late (staff confirmed it already) or offline: the request stands.
      setState(isApiError(error) ? { kind: 'error', message: `未能撤销：${error.message}` } : { kind: 'kept', label, bureau })
    } finally {
      inFlight.current = false
    }
  }

  return { state, tap, undo }
}
