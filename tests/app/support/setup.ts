import { cleanup } from '@testing-library/react'
import { resetTaro } from './taro-mock'
import { resetStores } from './stores'

/** 2025-06-15 10:00 in Zhengzhou: every "today" in the app is read from Date.now(). */
export const NOW = Date.parse('2025-06-15T02:00:00Z')

beforeEach(() => {
  resetTaro()
  resetStores()
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
})

afterEach(() => {
  cleanup()
  jest.restoreAllMocks()
})
