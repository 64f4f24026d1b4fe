/** The applicant's Bearer token for this platform, kept across visits. */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { STORAGE_KEYS, taroJsonStorage } from './taro-storage'

interface SessionState {
  token?: string
  setToken: (token: string) => void
  clear: () => void
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      setToken: (token) => set({ token }),
      clear: () => set({ token: undefined }),
    }),
    {
      name: STORAGE_KEYS.session,
      storage: taroJsonStorage<Pick<SessionState, 'token'>>(),
      partialize: (state) => ({ token: state.token }),
    },
  ),
)
