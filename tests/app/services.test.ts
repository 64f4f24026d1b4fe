import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR_MESSAGE } from '@/services/api-error'
import { fetchMe } from '@/services/me'
import { fetchOffices } from '@/services/offices'
import { useSessionStore } from '@/stores/session'
import { apiError, fakeApi, json } from './support/fake-api'

describe('the API client', () => {
  it('logs in once for calls made together and sends the Bearer token', async () => {
    const api = fakeApi({ 'GET /me': () => json(200, {}) })
    await Promise.all([fetchMe(), fetchMe(), fetchMe()])
    expect(api.calls('POST', '/sessions')).toHaveLength(1)
    const sent = api.calls('GET', '/me')
    expect(sent).toHaveLength(3)
    const token = useSessionStore.getState().token
    expect(token).toMatch(/^token-h5-/)
    for (const call of sent) expect(call.header.Authorization).toBe(`Bearer ${token}`)
  })

  it('keeps the H5 stand-in identity stable across sessions', async () => {
    const api = fakeApi({ 'GET /me': () => json(200, {}) })
    await fetchMe()
    useSessionStore.getState().clear()
    await fetchMe()
    const codes = api.calls('POST', '/sessions').map((r) => (r.data as { code: string }).code)
    expect(codes).toHaveLength(2)
    expect(codes[0]).toBe(codes[1])
  })

  it('on 401 logs in again and repeats the call once', async () => {
    useSessionStore.getState().setToken('expired')
    let calls = 0
    const api = fakeApi({
      'GET /me': (r) => {
        calls += 1
        return r.header.Authorization === 'Bearer expired' ? apiError(401, 'UNAUTHORIZED', '请登录') : json(200, { binding: undefined })
      },
    })
    await expect(fetchMe()).resolves.toEqual({ binding: undefined })
    expect(calls).toBe(2)
    expect(api.calls('POST', '/sessions')).toHaveLength(1)
  })

  it('does not loop when the server keeps answering 401', async () => {
    fakeApi({ 'GET /me': () => apiError(401, 'UNAUTHORIZED', '登录已失效') })
    const error = await fetchMe().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect((Taro.request as jest.Mock).mock.calls.filter(([o]) => String(o.url).endsWith('/me'))).toHaveLength(2)
  })

  it('turns a network failure into an ApiError with a Chinese message', async () => {
    fakeApi({ 'GET /offices': () => 'network-error' })
    const error = (await fetchOffices().catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
  })

  it('reads the server’s error body, field included', async () => {
    fakeApi({ 'GET /me': () => apiError(422, 'MOBILE_FORMAT', '手机号码格式不正确', 'details.mobile') })
    await expect(fetchMe()).rejects.toMatchObject({ status: 422, code: 'MOBILE_FORMAT', message: '手机号码格式不正确', field: 'details.mobile' })
  })

  it('gives a Chinese message when an error carries no body', async () => {
    fakeApi({ 'GET /me': () => ({ status: 429 }) })
    await expect(fetchMe()).rejects.toMatchObject({ status: 429, message: '操作太频繁，请稍后再试。' })
  })

  it('keeps the status of an HTTP error that Alipay reports as a failure', async () => {
    ;(Taro.request as jest.Mock).mockImplementation(async (o: { url: string }) => {
      if (o.url.endsWith('/sessions')) return { statusCode: 200, data: { token: 't' } }
      throw { error: 19, errorMessage: 'http status error', status: 413, data: { error: { code: 'TOO_LARGE', message: '照片太大' } } }
    })
    await expect(fetchMe()).rejects.toMatchObject({ status: 413, code: 'TOO_LARGE', message: '照片太大' })
  })
})
