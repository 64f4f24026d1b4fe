import { usePrivacyPromptStore } from '@/platform/privacy'
import { useDraftStore } from '@/stores/draft'
import { usePreferencesStore } from '@/stores/preferences'
import { useSessionStore } from '@/stores/session'

/** Every store back to a first visit. */
export function resetStores(): void {
  useDraftStore.getState().reset()
  useSessionStore.getState().clear()
  usePreferencesStore.setState({ elderly: false })
  usePrivacyPromptStore.setState({ pending: false, resolver: undefined })
}
