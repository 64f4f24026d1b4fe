/**
 * @tarojs/taro for Jest: storage is a Map (so a test can "close and reopen" the app by
 * re-importing the stores), network calls are jest mocks a test answers (see fake-api.ts), and
 * the page hooks run the way a freshly opened page runs them.
 */
import { useEffect } from 'react'

// On globalThis so that a module registry reset (a "reopened" app) still finds what was stored.
const holder = globalThis as { __taroStorage?: Map<string, unknown> }
export const storage: Map<string, unknown> = (holder.__taroStorage ??= new Map<string, unknown>())

const resolved = <T>(value: T) => jest.fn(async () => value)

const Taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  request: jest.fn(),
  uploadFile: jest.fn(),
  login: resolved({ code: 'wx-test-code' }),
  navigateTo: resolved({}),
  redirectTo: resolved({}),
  reLaunch: resolved({}),
  navigateBack: resolved({}),
  showToast: resolved({}),
  showModal: resolved({ confirm: true, cancel: false }),
  makePhoneCall: resolved({}),
  setClipboardData: resolved({}),
  stopPullDownRefresh: jest.fn(),
  chooseImage: jest.fn(),
  chooseMedia: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  getCurrentPages: jest.fn((): unknown[] => [{}]),
  getCurrentInstance: jest.fn((): { page?: { config?: Record<string, unknown> }; router?: { path: string } } => ({})),
}

/** Puts the mocks' default answers back (jest's clearMocks forgets calls, not implementations). */
export function resetTaro(): void {
  storage.clear()
  Taro.getStorageSync.mockImplementation((key: string) => (storage.has(key) ? storage.get(key) : ''))
  Taro.setStorageSync.mockImplementation((key: string, value: unknown) => {
    storage.set(key, value)
  })
  Taro.login.mockImplementation(async () => ({ code: 'wx-test-code' }))
  Taro.showModal.mockImplementation(async () => ({ confirm: true, cancel: false }))
  Taro.getCurrentPages.mockImplementation(() => [{}])
  Taro.getCurrentInstance.mockImplementation(() => ({}))
  routerParams.current = {}
}

export const routerParams: { current: Record<string, string> } = { current: {} }

export const useRouter = () => ({ params: routerParams.current, path: '' })
/** A page is shown once when it mounts. */
export const useDidShow = (callback: () => void) => {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), [])
}
export const useLaunch = () => undefined
export const usePullDownRefresh = () => undefined

export default Taro
