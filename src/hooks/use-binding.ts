/**
 * The card binding this applicant has: from the draft on this device, or — on a new device or
 * platform — from GET /me, which answers it masked.
 */
import { useEffect, useState } from 'react'
import { fetchMe } from '@/services/me'
import { isApiError } from '@/services/api-error'
import { useDraftStore } from '@/stores/draft'

export type BindingLookup = 'ready' | 'loading' | 'missing' | 'error'

export function useBinding(): { binding: ReturnType<typeof useDraftStore.getState>['binding']; lookup: BindingLookup; error?: string; retry: () => void } {
  const binding = useDraftStore((s) => s.binding)
  const [lookup, setLookup] = useState<BindingLookup>(binding ? 'ready' : 'loading')
  const [error, setError] = useState<string>()
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (useDraftStore.getState().binding) {
      setLookup('ready')
      return
    }
    let alive = true
    setLookup('loading')
    fetchMe()
      .then((me) => {
        if (!alive) return
        if (me.binding) {
          useDraftStore.getState().setBinding(me.binding)
          if (me.application) useDraftStore.getState().recordStatus(me.application.applicationNo, me.application.status)
          setLookup('ready')
        } else {
          setLookup('missing')
        }
      })
      .catch((e: unknown) => {
        if (!alive) return
        setError(isApiError(e) ? e.message : '加载失败，请稍后重试。')
        setLookup('error')
      })
    return () => {
      alive = false
    }
  }, [attempt])

  return { binding, lookup: binding ? 'ready' : lookup, error, retry: () => setAttempt((n) => n + 1) }
}
