import { parseIdNumber } from '@zhihui/core'
import { createHost, pagesOf, type SentRequest } from './support/mini-host'
import { findByClass } from './support/data-tree'

/** An ID number with the wrong check character: core rejects it with ID_CHECKSUM. */
const BAD_ID = '410105199803151230'

function api(request: SentRequest): { statusCode: number; data: unknown } {
  if (request.url.endsWith('/sessions')) return { statusCode: 200, data: { token: 'weapp-token' } }
  if (request.url.endsWith('/application') && request.method === 'GET') return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有申请' } } }
  if (request.url.endsWith('/offices')) return { statusCode: 503, data: {} }
  if (request.url.endsWith('/me')) return { statusCode: 200, data: {} }
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到' } } }
}

describe('the compiled WeChat mini-program (dist/weapp)', () => {
  let host: ReturnType<typeof createHost>

  beforeEach(() => {
    jest.resetModules()
    host = createHost('weapp', api)
  })

  afterEach(() => host.uninstall())

  it('launches', () => {
    const app = host.launch()
    expect(typeof app.onLaunch).toBe('function')
  })

  it.each(pagesOf('weapp'))('loads %s without throwing and renders it', async (route) => {
    host.launch()
    const page = await host.openPage(route)
    expect(page.setDataCalls).toBeGreaterThan(0)
    expect(page.text().length).toBeGreaterThan(0)
    // The scoring tool's limit for one setData is 256 KB; the first render is the largest.
    expect(page.setDataBytes).toBeLessThan(256 * 1024)
  })

  it('the home page shows the subsidy and the complaints line', async () => {
    host.launch()
    const page = await host.openPage('pages/index/index')
    expect(page.text()).toContain('青年人才生活补贴')
    expect(page.text()).toContain('0371-67184567')
  })

  it('the progress page asks the API with a WeChat login and shows the empty state', async () => {
    host.launch()
    const page = await host.openPage('pages/progress/index')
    await new Promise((r) => setTimeout(r, 50))
    expect(host.requests.map((r) => `${r.method} ${r.url.replace(/^.*\/api\/v1/, '')}`)).toEqual(['POST /sessions', 'GET /application'])
    expect(host.requests[0]?.data).toEqual({ platform: 'weapp', code: 'weapp-test-code' })
    expect(host.requests[1]?.header.Authorization).toBe('Bearer weapp-token')
    expect(page.text()).toContain('您还没有提交申请')
  })

  it('the bind-card form shows core’s message for an invalid ID number', async () => {
    host.launch()
    const page = await host.openPage('pages/apply/bind-card/index')
    await page.fire('consent-tick', 'tap')
    await page.fire('consent-continue', 'tap')
    expect(page.text()).toContain('身份证号码')
    await page.fire('input-idNumber', 'input', { value: BAD_ID, cursor: 18 })
    await page.fire('input-idNumber', 'blur', { value: BAD_ID })
    const expected = parseIdNumber(BAD_ID, { today: '2025-06-15' })
    if (expected.ok) throw new Error('the test ID number should be invalid')
    expect(expected.error.code).toBe('ID_CHECKSUM')
    const errors = findByClass(page.instance.data.root, 'field__error')
    expect(errors).toHaveLength(1)
    expect(page.text()).toContain(expected.error.message)
  })
})
