/** The applicant's display preferences: elderly mode (larger text, larger tap targets), remembered. */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { STORAGE_KEYS, taroJsonStorage } from './taro-storage'

interface PreferencesState {
  elderly: boolean
  setElderly: (elderly: boolean) => void
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      elderly: false,
      setElderly: (elderly) => set({ elderly }),
    }),
    {
      name: STORAGE_KEYS.preferences,
      storage: taroJsonStorage<Pick<PreferencesState, 'elderly'>>(),
      partialize: (state) => ({ elderly: state.elderly }),
    },
  ),
)
