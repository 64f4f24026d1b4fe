/** Loading, empty, error and ready: the four faces of a page that waits for the network. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { isApiError } from '@/services/api-error'

export type AsyncState<T> =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: T }

/** `load` resolving to undefined means "nothing there" (the empty state). */
export function useAsync<T>(load: () => Promise<T | undefined>, options: { auto?: boolean } = {}) {
  const [state, setState] = useState<AsyncState<T>>({ kind: 'loading' })
  const loadRef = useRef(load)
  loadRef.current = load
  const alive = useRef(true)

  const reload = useCallback(async () => {
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }))
    try {
      const data = await loadRef.current()
      if (alive.current) setState(data === undefined ? { kind: 'empty' } : { kind: 'ready', data })
    } catch (error) {
      if (alive.current) setState({ kind: 'error', message: isApiError(error) ? error.message : '加载失败，请稍后重试。' })
    }
  }, [])

  useEffect(() => {
    alive.current = true
    if (options.auto !== false) void reload()
    return () => {
      alive.current = false
    }
  }, [reload, options.auto])

  return { state, reload }
}
