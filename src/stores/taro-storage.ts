/**
 * zustand's persist middleware over the platform's own key-value storage (wx / my storage,
 * localStorage on H5). Synchronous calls, so a store is rehydrated before the first render and a
 * reopened mini-program shows the draft at once.
 */
import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

export const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Storage full or unavailable: the in-memory state still works for this visit.
    }
  },
  removeItem: (name) => {
    Taro.removeStorageSync(name)
  },
}

export function taroJsonStorage<S>() {
  return createJSONStorage<S>(() => taroStateStorage)
}

/** Storage keys, versioned by prefix so a future format can move away cleanly. */
export const STORAGE_KEYS = {
  session: 'zhihui.session.v1',
  draft: 'zhihui.draft.v1',
  preferences: 'zhihui.preferences.v1',
  devCode: 'zhihui.h5-dev-code.v1',
} as const
