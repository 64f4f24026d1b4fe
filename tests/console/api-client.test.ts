/** The console's fetch wrapper (packages/console/src/api/client.ts). */
import { ApiError, request, safeNext, setNavigator, signInPath } from '../../packages/console/src/api/client'
import { fakeApi } from './support/fake-api'

const at = (url: string) => window.history.replaceState(null, '', url)

describe('request', () => {
  let navigate: jest.Mock
  beforeEach(() => {
    navigate = jest.fn()
    setNavigator(navigate)
    at('/admin/applications?status=submitted')
  })

  it('sends the CSRF header and the cookie on every request, and JSON bodies', async () => {
    const api = fakeApi()
      .on('GET /overview', { status: 200, body: { counts: {} } })
      .on('POST /notices', { status: 200, body: { batch: { id: '1' } } })
      .on('DELETE /session', { status: 204 })
    expect(await request('/overview')).toEqual({ counts: {} })
    await request('/notices', { method: 'POST', body: { applicationNos: ['A1'] } })
    expect(await request('/session', { method: 'DELETE' })).toBeUndefined()
    for (const call of api.calls) {
      expect(call.headers['x-requested-with']).toBe('zhihui-console')
      expect(call.credentials).toBe('same-origin')
    }
    const post = api.callsTo('POST /notices')[0]
    expect(post?.headers['content-type']).toBe('application/json')
    expect(post?.body).toEqual({ applicationNos: ['A1'] })
    expect(post?.url).toBe('/api/v1/staff/notices')
  })

  it('puts filters in the query string, leaving out empty ones', async () => {
    const api = fakeApi().on('GET /applications', { status: 200, body: { items: [], total: 0 } })
    await request('/applications', { query: { status: 'submitted', district: undefined, q: '', page: 2 } })
    expect(api.calls[0]?.url).toBe('/api/v1/staff/applications?status=submitted&page=2')
  })

  it('turns an error body into an ApiError with status, code, message and field', async () => {
    fakeApi().on('POST /accounts', { status: 422, body: { error: { code: 'INVALID', message: '窗口经办须选择所在的区县。', field: 'district' } } })
    const error = await request('/accounts', { method: 'POST', body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, code: 'INVALID', message: '窗口经办须选择所在的区县。', field: 'district' })
    expect(navigate).not.toHaveBeenCalled()
  })

  it('gives a Chinese message when the body has none, and status 0 when the network fails', async () => {
    fakeApi().on('GET /overview', { status: 502 })
    await expect(request('/overview')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: '服务暂时不可用（502），请稍后再试。' })
    Object.assign(globalThis, { fetch: jest.fn().mockRejectedValue(new TypeError('Failed to fetch')) })
    await expect(request('/overview')).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
  })

  it('sends a 401 to the sign-in page with the page the user was on', async () => {
    fakeApi().on('GET /overview', { status: 401, body: { error: { code: 'UNAUTHORIZED', message: '请先登录。' } } })
    await expect(request('/overview')).rejects.toMatchObject({ status: 401 })
    expect(navigate).toHaveBeenCalledWith('/sign-in?next=%2Fapplications%3Fstatus%3Dsubmitted')
  })

  it('says why when the session expired', async () => {
    fakeApi().on('GET /overview', { status: 401, body: { error: { code: 'SESSION_EXPIRED', message: '超过 30 分钟未操作，请重新登录。' } } })
    at('/admin/')
    await expect(request('/overview')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(navigate).toHaveBeenCalledWith('/sign-in?reason=expired')
  })

  it('keeps a wrong password on its page, and does not redirect when asked not to', async () => {
    fakeApi()
      .on('POST /session', { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。' } } })
      .on('GET /session', { status: 401, body: { error: { code: 'UNAUTHORIZED', message: '请先登录。' } } })
    await expect(request('/session', { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
    await expect(request('/session', { redirectOn401: false })).rejects.toMatchObject({ status: 401 })
    expect(navigate).not.toHaveBeenCalled()
  })

  it('sends an account that must set its password first to /password', async () => {
    fakeApi().on('GET /overview', { status: 403, body: { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码。' } } })
    await expect(request('/overview')).rejects.toMatchObject({ status: 403 })
    expect(navigate).toHaveBeenCalledWith('/password?next=%2Fapplications%3Fstatus%3Dsubmitted')
  })
})

describe('next', () => {
  it('only ever leads inside the console', () => {
    expect(safeNext('/applications?status=submitted')).toBe('/applications?status=submitted')
    expect(safeNext('//evil.example/')).toBe('/')
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext('/\\evil.example')).toBe('/')
    expect(safeNext('/sign-in?next=/x')).toBe('/')
    expect(safeNext(null)).toBe('/')
    expect(signInPath('/')).toBe('/sign-in')
    expect(signInPath('/sign-in?next=%2Fx')).toBe('/sign-in')
  })
})
