/**
 * WeChat code2session and Alipay alipay.system.oauth.token against fake endpoints on 127.0.0.1.
 * The fake Alipay gateway checks the RSA2 signature of every request with the app's public key,
 * and signs its answers with its own key, which the server checks when ALIPAY_PUBLIC_KEY is set.
 */
import { createSign, createVerify, generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { alipaySignContent } from '../../packages/server/src/auth/alipay'
import { API, wrap } from './helpers/client'
import { startTestApp, type TestApp } from './helpers/test-app'

const appKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
const alipayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
const pem = (key: { export(o: object): string | Buffer }, type: 'pkcs8' | 'spki') => String(key.export({ type, format: 'pem' }))

const seen: { wechat: URLSearchParams[]; alipay: Record<string, string>[]; alipayVerified: boolean[] } = {
  wechat: [],
  alipay: [],
  alipayVerified: [],
}
let tamperAnswer = false

const body = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    req.on('end', () => resolve(text))
  })

const fake: Server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    res.setHeader('content-type', 'application/json; charset=utf-8')
    if (url.pathname === '/sns/jscode2session') {
      seen.wechat.push(url.searchParams)
      const code = url.searchParams.get('js_code')
      const ok = url.searchParams.get('appid') === 'wx-test-app' && url.searchParams.get('secret') === 'wx-secret'
      res.end(JSON.stringify(ok && code === 'good-code' ? { openid: 'o-wechat-user-1', session_key: 'sk' } : { errcode: 40029, errmsg: 'invalid code' }))
      return
    }
    if (url.pathname === '/gateway.do') {
      const params = Object.fromEntries(new URLSearchParams(await body(req)))
      seen.alipay.push(params)
      const verified = createVerify('RSA-SHA256')
        .update(alipaySignContent(params), 'utf8')
        .verify(pem(appKeys.publicKey, 'spki'), params.sign ?? '', 'base64')
      seen.alipayVerified.push(verified)
      const node = verified && params.code === 'good-auth-code' ? { user_id: '2088000000000001', access_token: 'at' } : undefined
      const inner = JSON.stringify(node ?? { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.code-invalid' })
      const key = node ? 'alipay_system_oauth_token_response' : 'error_response'
      const signature = createSign('RSA-SHA256').update(tamperAnswer ? `${inner} ` : inner, 'utf8').sign(pem(alipayKeys.privateKey, 'pkcs8'), 'base64')
      res.end(`{"${key}":${inner},"sign":"${signature}"}`)
      return
    }
    res.statusCode = 404
    res.end('{}')
  })()
})

let t: TestApp
let base: string
beforeAll(async () => {
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`
  t = await startTestApp({
    env: {
      WECHAT_APPID: 'wx-test-app',
      WECHAT_SECRET: 'wx-secret',
      WECHAT_API_BASE: base,
      ALIPAY_APPID: '2021000000000000',
      // One line with literal \n, as env files carry it.
      ALIPAY_PRIVATE_KEY: pem(appKeys.privateKey, 'pkcs8').replace(/\n/g, '\\n'),
      ALIPAY_PUBLIC_KEY: pem(alipayKeys.publicKey, 'spki'),
      ALIPAY_GATEWAY: `${base}/gateway.do`,
    },
  })
})
afterAll(async () => {
  await t.close()
  await new Promise((resolve) => fake.close(resolve))
})

const session = async (platform: string, code: string) =>
  wrap(await t.app.inject({ method: 'POST', url: `${API}/sessions`, payload: { platform, code } }))

describe('WeChat', () => {
  it('exchanges a good code for a session; the same openid is the same account', async () => {
    const first = await session('weapp', 'good-code')
    expect(first.status).toBe(200)
    expect(typeof first.body.token).toBe('string')
    const params = seen.wechat.at(-1)!
    expect(params.get('grant_type')).toBe('authorization_code')
    expect(params.get('js_code')).toBe('good-code')
    const accounts = await t.app.ctx.db.selectFrom('accounts').selectAll().where('platform', '=', 'weapp').execute()
    expect(accounts.map((a) => a.platform_user_id)).toEqual(['o-wechat-user-1'])
    await session('weapp', 'good-code')
    expect(await t.app.ctx.db.selectFrom('accounts').selectAll().where('platform', '=', 'weapp').execute()).toHaveLength(1)
  })

  it('answers 401 for a code WeChat rejects', async () => {
    const res = await session('weapp', 'bad-code')
    expect(res.status).toBe(401)
    expect(res.body.error).toMatchObject({ code: 'LOGIN_CODE_INVALID', message: expect.stringContaining('微信') })
  })
})

describe('Alipay', () => {
  it('signs the oauth.token request with RSA2 (checked by the fake gateway) and maps user_id to an account', async () => {
    const res = await session('alipay', 'good-auth-code')
    expect(res.status).toBe(200)
    expect(seen.alipayVerified.at(-1)).toBe(true)
    const params = seen.alipay.at(-1)!
    expect(params).toMatchObject({
      app_id: '2021000000000000',
      method: 'alipay.system.oauth.token',
      sign_type: 'RSA2',
      grant_type: 'authorization_code',
      charset: 'utf-8',
      version: '1.0',
    })
    expect(params.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    const accounts = await t.app.ctx.db.selectFrom('accounts').selectAll().where('platform', '=', 'alipay').execute()
    expect(accounts.map((a) => a.platform_user_id)).toEqual(['2088000000000001'])
  })

  it('answers 401 for a code Alipay rejects', async () => {
    const res = await session('alipay', 'expired-code')
    expect(res.status).toBe(401)
    expect(res.body.error).toMatchObject({ code: 'LOGIN_CODE_INVALID' })
  })

  it('refuses an answer whose signature does not verify', async () => {
    tamperAnswer = true
    try {
      const res = await session('alipay', 'good-auth-code')
      expect(res.status).toBe(502)
      expect(res.body.error).toMatchObject({ code: 'UPSTREAM_SIGNATURE' })
    } finally {
      tamperAnswer = false
    }
  })
})

describe('unreachable platforms', () => {
  let offline: TestApp
  beforeAll(async () => {
    offline = await startTestApp({
      env: { WECHAT_APPID: 'wx', WECHAT_SECRET: 's', WECHAT_API_BASE: 'http://127.0.0.1:9' },
    })
  })
  afterAll(() => offline.close())

  it('answers 502 when WeChat cannot be reached', async () => {
    const res = wrap(await offline.app.inject({ method: 'POST', url: `${API}/sessions`, payload: { platform: 'weapp', code: 'c' } }))
    expect(res.status).toBe(502)
    expect(res.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' })
  })
})
