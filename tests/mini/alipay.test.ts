import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseIdNumber } from '@zhihui/core'
import { createHost, DIST, pagesOf, type SentRequest } from './support/mini-host'

const BAD_ID = '410105199803151230'

function api(request: SentRequest): { statusCode: number; data: unknown } {
  if (request.url.endsWith('/sessions')) return { statusCode: 200, data: { token: 'alipay-token' } }
  if (request.url.endsWith('/application')) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有申请' } } }
  return { statusCode: 503, data: {} }
}

describe('the compiled Alipay mini-program (dist/alipay)', () => {
  const root = path.join(DIST, 'alipay')

  it('declares the privacy check and every page in app.json', () => {
    const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as Record<string, unknown>
    expect(app.usePrivacyCheck).toBe(true)
    // 2 main pages, 5 apply, 3 guide, 4 talent (高层次人才服务)
    expect(pagesOf('alipay')).toHaveLength(14)
  })

  it.each(pagesOf('alipay'))('%s has its .axml, .js and .json', (route) => {
    for (const ext of ['.axml', '.js', '.json']) expect(existsSync(path.join(root, route + ext))).toBe(true)
  })

  it('can be opened in the Alipay IDE on its own (mini.project.json)', () => {
    expect(existsSync(path.join(root, 'mini.project.json'))).toBe(true)
  })

  describe('in a small `my` host', () => {
    let host: ReturnType<typeof createHost>

    beforeEach(() => {
      jest.resetModules()
      host = createHost('alipay', api)
    })

    afterEach(() => host.uninstall())

    it.each(pagesOf('alipay'))('loads %s', async (route) => {
      host.launch()
      const page = await host.openPage(route)
      expect(page.text().length).toBeGreaterThan(0)
    })

    it('logs in with an Alipay auth code', async () => {
      host.launch()
      await host.openPage('pages/progress/index')
      await new Promise((r) => setTimeout(r, 50))
      expect(host.requests[0]?.data).toEqual({ platform: 'alipay', code: 'alipay-test-code' })
      expect(host.requests[1]?.header.authorization).toBe('Bearer alipay-token')
    })

    it('the bind-card form shows core’s message for an invalid ID number', async () => {
      host.launch()
      const page = await host.openPage('pages/apply/bind-card/index')
      await page.fire('consent-tick', 'tap')
      await page.fire('consent-continue', 'tap')
      await page.fire('input-idNumber', 'input', { value: BAD_ID })
      await page.fire('input-idNumber', 'blur', { value: BAD_ID })
      const expected = parseIdNumber(BAD_ID, { today: '2025-06-15' })
      if (expected.ok) throw new Error('should be invalid')
      expect(page.text()).toContain(expected.error.message)
    })
  })
})
