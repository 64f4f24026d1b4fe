import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { isApiError } from '@/services/api-error'

interface Options<A> {
  /** The confirmation dialog: what is about to happen, and the two buttons. */
  confirm: { title: string; content: string; confirmText: string; cancelText: string }
  run: (arg: A) => Promise<unknown>
  /** After success (usually reloading the page's data). */
  then: () => Promise<void>
  /** Shown when it failed for a reason the server did not explain. */
  failure: string
}

/**
 * An action the user confirms first (withdraw, cancel a request), done at most once at a time: a
 * second tap while the first is asked or sent would send it twice and get a 409 for a done action.
 */
export function useConfirmedAction<A>({ confirm, run, then, failure }: Options<A>) {
  const [error, setError] = useState<string>()
  const busy = useRef(false)

  async function act(arg: A): Promise<void> {
    if (busy.current) return
    busy.current = true
    try {
      const { confirm: confirmed } = await Taro.showModal(confirm)
      if (!confirmed) return
      await run(arg)
      setError(undefined)
      await then()
    } catch (e) {
      setError(isApiError(e) ? e.message : failure)
    } finally {
      busy.current = false
    }
  }

  return { act, error }
}
