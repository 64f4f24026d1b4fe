import { cleanup, configure } from '@testing-library/react'

// Ant Design renders slowly in jsdom (its CSS-in-JS), the more so on a loaded 2-core machine:
// lazy pages and first renders take more than the default second, tests more than 5 s. Set here,
// not as testTimeout in jest.config.js, which the root multi-project run ignores.
configure({ asyncUtilTimeout: 15_000 })
jest.setTimeout(60_000)

afterEach(() => {
  cleanup()
  jest.restoreAllMocks()
})
