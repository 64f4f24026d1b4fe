/**
 * The applicant's progress, fresh each time the page is shown (a status may change while the
 * mini-program sits in the background). 404 means no application yet: the empty state.
 */
import { useDidShow } from '@tarojs/taro'
import { formValuesFrom } from '@zhihui/core'
import { useAsync } from './use-async'
import { isApiError } from '@/services/api-error'
import { fetchApplication } from '@/services/application'
import type { ApplicationView } from '@/services/types'
import { useDraftStore } from '@/stores/draft'

async function loadProgress(): Promise<ApplicationView | undefined> {
  try {
    const view = await fetchApplication()
    const store = useDraftStore.getState()
    store.recordStatus(view.applicationNo, view.status)
    store.recordChannel(view.channel ?? 'online', view.window)
    if (view.status === 'rejected') {
      const at = [...view.timeline].reverse().find((t) => t.status === 'rejected')?.at ?? view.applicationNo ?? 'rejected'
      store.applyRejection(at, view.rejection?.reasons ?? [])
    }
    // Another device (or a window) filed it: bring what was filed onto this one, once.
    const restored = formValuesFrom(view)
    if (restored && !store.form['facts.education']) store.patchForm(restored)
    return view
  } catch (error) {
    if (isApiError(error) && error.status === 404) return undefined
    throw error
  }
}

export function useProgress() {
  const { state, reload } = useAsync(loadProgress, { auto: false })
  useDidShow(() => {
    void reload()
  })
  return { state, reload }
}
