/**
 * The real message providers (Aliyun SMS, WeChat subscription messages, Alipay template messages)
 * against local fakes that check each request as the providers document it, plus the
 * configuration that turns them on. WeChat's shared token uses the machine's Redis at
 * 127.0.0.1:6379 under a random prefix (skipped, and said so, when it does not answer).
 */
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import { ConfigError, loadConfig, readProviderConfig } from '../../packages/server/src/config'
import { ProviderError, type OutboundMessage } from '../../packages/server/src/notifications/provider'
import { createAlipayTemplateProvider, rawMember } from '../../packages/server/src/notifications/providers/alipay-template'
import { createAliyunSmsProvider, signRpc, stringToSign } from '../../packages/server/src/notifications/providers/aliyun-sms'
import { createConfiguredProviders } from '../../packages/server/src/notifications/providers'
import type { FetchLike } from '../../packages/server/src/notifications/providers/http'
import { createMemoryTokenStore, createRedisTokenStore } from '../../packages/server/src/notifications/providers/token-store'
import { createWechatSubscribeProvider, type WechatSubscribeConfig } from '../../packages/server/src/notifications/providers/wechat-subscribe'
import { startFakeAlipay, startFakeAliyunSms, startFakeWechat, type FakeAlipay, type FakeAliyunSms, type FakeWechat } from './helpers/fake-providers'

jest.setTimeout(30_000)

const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: randomUUID(),
  channel: 'sms',
  recipient: '13800000001',
  kind: 'notice',
  params: { applicationNo: 'ZZ2026-000123', date: '2026年12月1日' },
  text: '您的申请 ZZ2026-000123 已受理。',
  attempt: 1,
  ...overrides,
})

/** The ProviderError a promise rejects with (fails the test when it resolves or throws something else). */
async function refusal(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
  if (outcome.ok) throw new Error(`expected a ProviderError, got ${JSON.stringify(outcome.value)}`)
  expect(outcome.error).toBeInstanceOf(ProviderError)
  return outcome.error as ProviderError
}

/** A clock the fakes and the providers share, moved by the tests. */
function manualClock(start = Date.now()) {
  let t = start
  return { now: () => t, date: () => new Date(t), advance: (ms: number) => (t += ms) }
}

/* ================================================================== Aliyun SMS */

describe('Aliyun SMS (SendSms, signature V1)', () => {
  const secret = 'sms-secret-for-tests'
  const keyId = 'LTAI-test-key'
  let fake: FakeAliyunSms
  beforeEach(async () => {
    fake = await startFakeAliyunSms({ accessKeyId: keyId, accessKeySecret: secret, templates: ['SMS_100001', 'SMS_100002'] })
  })
  afterEach(() => fake.close())

  const provider = (overrides: { secret?: string; keyId?: string; now?: () => Date; fetch?: FetchLike; endpoint?: string } = {}) =>
    createAliyunSmsProvider(
      {
        accessKeyId: overrides.keyId ?? keyId,
        accessKeySecret: overrides.secret ?? secret,
        signName: '智汇郑州',
        templates: { notice: 'SMS_100001', payment: 'SMS_999999' },
        endpoint: overrides.endpoint ?? fake.url,
      },
      { ...(overrides.now !== undefined ? { now: overrides.now } : {}), ...(overrides.fetch !== undefined ? { fetch: overrides.fetch } : {}) },
    )

  it('signs exactly like the worked example of the SMS documentation (testId / testSecret → zJDF+Lrzhj/ThnlvIToysFRq6t4=)', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    }
    expect(stringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
    )
    expect(signRpc('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=')
    // Encoding edge cases of the signature docs: space → %20, '*' → %2A, '~' unencoded.
    expect(stringToSign('POST', { a: 'x y*~' })).toBe('POST&%2F&a%3Dx%2520y%252A~')
  })

  it('sends: the fake recomputes the signature and finds every documented parameter; the message id is nonce and OutId', async () => {
    const m = message()
    await expect(provider().send(m)).resolves.toEqual({ providerMessageId: expect.stringMatching(/\^/) })
    expect(fake.deliveries).toEqual([
      expect.objectContaining({ outId: m.id, phoneNumbers: '13800000001', signName: '智汇郑州', templateCode: 'SMS_100001', templateParam: m.params }),
    ])
    expect([...fake.nonces]).toEqual([m.id])
    expect(provider().idempotent).toBe(true)
  })

  it('is refused when the signed request is altered on the way, or signed with the wrong secret (not retryable)', async () => {
    const tamper: FetchLike = (url, init) => fetch(url, { ...init, body: String(init?.body).replace('13800000001', '13800000002') })
    const altered = await refusal(provider({ fetch: tamper }).send(message()))
    expect(altered).toMatchObject({ code: 'SignatureDoesNotMatch', retryable: false })
    const wrong = await refusal(provider({ secret: 'not-the-secret' }).send(message()))
    expect(wrong).toMatchObject({ code: 'SignatureDoesNotMatch', retryable: false })
    const unknownKey = await refusal(provider({ keyId: 'LTAI-unknown' }).send(message()))
    expect(unknownKey).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', retryable: false })
    expect(fake.deliveries).toHaveLength(0)
  })

  it('tells retryable failures (5xx, throttling, no answer, clock) from permanent ones (template, number, configuration)', async () => {
    fake.failNext(1, 'http500')
    expect(await refusal(provider().send(message()))).toMatchObject({ retryable: true, code: 'ServiceUnavailable' })
    fake.failNext(1, 'throttle')
    expect(await refusal(provider().send(message()))).toMatchObject({ retryable: true, code: 'isv.BUSINESS_LIMIT_CONTROL' })
    expect(await refusal(provider({ endpoint: 'http://127.0.0.1:9/' }).send(message()))).toMatchObject({ retryable: true, code: 'NETWORK' })

    expect(await refusal(provider().send(message({ kind: 'payment' })))).toMatchObject({ retryable: false, code: 'isv.SMS_TEMPLATE_ILLEGAL' })
    expect(await refusal(provider().send(message({ recipient: '12345' })))).toMatchObject({ retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' })
    expect(await refusal(provider().send(message({ kind: 'stop' })))).toMatchObject({ retryable: false, code: 'TEMPLATE_NOT_CONFIGURED' })
    // A clock 20 minutes off: the fake, like Aliyun, refuses timestamps more than 15 minutes away.
    const late = await refusal(provider({ now: () => new Date(Date.now() - 20 * 60_000) }).send(message()))
    expect(late).toMatchObject({ retryable: false, code: 'InvalidTimeStamp.Expired' })
    expect(fake.deliveries).toHaveLength(0)
  })

  it('a repeated nonce after an accepted send is recognised as a duplicate (looked up by OutId), not sent twice', async () => {
    const m = message()
    await provider().send(m)
    // The worker crashed before recording the outcome and runs the same attempt again.
    await expect(provider().send(m)).resolves.toEqual({ duplicate: true })
    expect(fake.deliveries).toHaveLength(1)
    expect(fake.calls).toEqual(['SendSms', 'SendSms', 'QuerySendDetails'])
  })

  it('a repeated nonce after a refused send is NOT a duplicate: SignatureNonceUsed only says the gateway saw the nonce', async () => {
    const m = message()
    fake.failNext(1, 'throttle')
    expect(await refusal(provider().send(m))).toMatchObject({ retryable: true })
    // Same attempt again: the gateway refuses the nonce although nothing was sent.
    expect(await refusal(provider().send(m))).toMatchObject({ retryable: true, code: 'SignatureNonceUsed' })
    expect(fake.deliveries).toHaveLength(0)
    // The next attempt uses a fresh nonce, finds nothing sent, and sends.
    await expect(provider().send({ ...m, attempt: 2 })).resolves.toEqual({ providerMessageId: expect.any(String) })
    expect(fake.deliveries).toHaveLength(1)
  })

  it('an answer lost after Aliyun accepted the message: the retry finds it and does not text again', async () => {
    const m = message()
    fake.failNext(1, 'lose-answer')
    expect(await refusal(provider().send(m))).toMatchObject({ retryable: true, code: 'NETWORK' })
    expect(fake.deliveries).toHaveLength(1)
    await expect(provider().send({ ...m, attempt: 2 })).resolves.toEqual({ duplicate: true })
    expect(fake.deliveries).toHaveLength(1)
  })

  it('after two minutes of failures every message is delivered exactly once', async () => {
    await fake.close()
    const clock = manualClock()
    fake = await startFakeAliyunSms({ accessKeyId: keyId, accessKeySecret: secret, now: clock.now })
    const sms = provider({ now: clock.date })
    const messages = [message(), message({ recipient: '13800000002' }), message({ recipient: '13800000003' })]
    fake.failFor(120_000)
    const pending = new Map(messages.map((m) => [m.id, m]))
    for (let round = 1; pending.size > 0 && round <= 10; round++) {
      for (const m of [...pending.values()]) {
        try {
          await sms.send({ ...m, attempt: round })
          pending.delete(m.id)
        } catch (error) {
          expect(error).toMatchObject({ retryable: true })
        }
      }
      clock.advance(30_000)
    }
    expect(pending.size).toBe(0)
    expect(fake.deliveries.map((d) => d.outId).sort()).toEqual(messages.map((m) => m.id).sort())
  })
})

/* ================================================================== WeChat */

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const redisUp = (() => {
  const { hostname, port } = new URL(redisUrl)
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1))`],
    { timeout: 3_000 },
  )
  return probe.status === 0
})()
if (!redisUp) console.warn(`message-providers: Redis at ${redisUrl} does not answer; the shared-token tests are skipped.`)
const withRedis = redisUp ? it : it.skip

describe('WeChat subscription messages (stable token)', () => {
  const appId = 'wx-test-app'
  const appSecret = 'wx-test-secret'
  let fake: FakeWechat
  let clock: ReturnType<typeof manualClock>
  beforeEach(async () => {
    clock = manualClock()
    fake = await startFakeWechat({ appId, secret: appSecret, now: clock.now })
  })
  afterEach(() => fake.close())

  const settings = (overrides: Partial<WechatSubscribeConfig> = {}): WechatSubscribeConfig => ({
    appId,
    secret: appSecret,
    apiBase: fake.url,
    miniprogramState: 'formal',
    templates: {
      notice: { templateId: 'tmpl-notice', fields: { applicationNo: 'character_string1', title: 'thing2', date: 'date3' } },
    },
    ...overrides,
  })

  const wxMessage = (overrides: Partial<OutboundMessage> = {}) =>
    message({
      channel: 'wechat',
      recipient: 'o-openid-1',
      page: 'pages/status/index?id=1',
      params: { applicationNo: 'ZZ2026-000123-ABCDEFGHIJKLMNOPQRSTUVWXYZ', title: '青年人才生活补贴申请受理通知（请按时补充材料）', date: '2026年12月1日' },
      ...overrides,
    })

  it('sends with the documented body, values cut to the documented limits', async () => {
    const provider = createWechatSubscribeProvider(settings(), { store: createMemoryTokenStore(clock.now), now: clock.now })
    await expect(provider.send(wxMessage())).resolves.toEqual({ providerMessageId: expect.any(String) })
    expect(fake.deliveries).toEqual([
      {
        touser: 'o-openid-1',
        template_id: 'tmpl-notice',
        page: 'pages/status/index?id=1',
        data: {
          character_string1: { value: 'ZZ2026-000123-ABCDEFGHIJKLMNOPQR' },
          thing2: { value: '青年人才生活补贴申请受理通知（请按时补…' },
          date3: { value: '2026年12月1日' },
        },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        msgid: expect.any(Number),
      },
    ])
    expect(Array.from(fake.deliveries[0]?.data.thing2?.value ?? '')).toHaveLength(20)
    expect(fake.deliveries[0]?.data.character_string1?.value).toHaveLength(32)
    expect(provider.idempotent).toBe(false)
  })

  it('keeps the token until 5 minutes before it expires, then fetches the next one', async () => {
    await fake.close()
    fake = await startFakeWechat({ appId, secret: appSecret, tokenTtlSeconds: 360, now: clock.now })
    const provider = createWechatSubscribeProvider(settings(), { store: createMemoryTokenStore(clock.now), now: clock.now })
    await provider.send(wxMessage())
    clock.advance(50_000)
    await provider.send(wxMessage())
    expect(fake.tokenRequests).toHaveLength(1)
    clock.advance(15_000) // 65 s: less than 5 minutes of the 6 are left
    await provider.send(wxMessage())
    expect(fake.tokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: false }])
    expect(fake.deliveries).toHaveLength(3)
  })

  it('refreshes once and sends again when WeChat refuses the token (40001) or finds it expired (42001)', async () => {
    const provider = createWechatSubscribeProvider(settings(), { store: createMemoryTokenStore(clock.now), now: clock.now })
    await provider.send(wxMessage())
    fake.revokeTokens()
    await expect(provider.send(wxMessage())).resolves.toEqual({ providerMessageId: expect.any(String) })
    fake.expireTokens()
    await expect(provider.send(wxMessage())).resolves.toEqual({ providerMessageId: expect.any(String) })
    expect(fake.tokenRequests).toHaveLength(3)
    expect(fake.deliveries).toHaveLength(3)
    expect(fake.calls.filter((path) => path.endsWith('/subscribe/send'))).toHaveLength(5)
  })

  it('forces a refresh only when the normal mode hands back the very token WeChat refused', async () => {
    // WeChat refuses the first send's token although stable_token still considers it current.
    let refuseOnce = true
    const flaky: FetchLike = async (url, init) => {
      if (String(url).includes('/subscribe/send') && refuseOnce) {
        refuseOnce = false
        return new Response(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }), { status: 200 })
      }
      return fetch(url, init)
    }
    const provider = createWechatSubscribeProvider(settings(), { store: createMemoryTokenStore(clock.now), now: clock.now, fetch: flaky })
    await expect(provider.send(wxMessage())).resolves.toEqual({ providerMessageId: expect.any(String) })
    expect(fake.tokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: false }, { forceRefresh: true }])
    expect(fake.deliveries).toHaveLength(1)
  })

  it('tells retryable failures (busy, 5xx) from permanent ones (refused subscription, bad secret, missing parameter)', async () => {
    const provider = createWechatSubscribeProvider(settings(), { store: createMemoryTokenStore(clock.now), now: clock.now })
    await provider.send(wxMessage())
    fake.failNext(1, 'busy')
    expect(await refusal(provider.send(wxMessage()))).toMatchObject({ retryable: true, code: '-1' })
    fake.failNext(1, 'http500')
    expect(await refusal(provider.send(wxMessage()))).toMatchObject({ retryable: true })
    fake.refused.add('o-refuser')
    expect(await refusal(provider.send(wxMessage({ recipient: 'o-refuser' })))).toMatchObject({ retryable: false, code: '43101' })
    expect(await refusal(provider.send(wxMessage({ params: { applicationNo: 'x' } })))).toMatchObject({ retryable: false, code: 'PARAM_MISSING' })
    expect(await refusal(provider.send(wxMessage({ kind: 'stop' })))).toMatchObject({ retryable: false, code: 'TEMPLATE_NOT_CONFIGURED' })
    const badSecret = createWechatSubscribeProvider(settings({ secret: 'wrong' }), { store: createMemoryTokenStore(clock.now), now: clock.now })
    expect(await refusal(badSecret.send(wxMessage()))).toMatchObject({ retryable: false, code: '40125' })
    expect(fake.deliveries).toHaveLength(1)
  })

  describe('one token for every instance, through Redis', () => {
    const prefix = `test-providers-${randomUUID()}:`
    let redisA: Redis
    let redisB: Redis
    beforeAll(() => {
      if (!redisUp) return
      redisA = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 })
      redisB = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 })
    })
    afterAll(async () => {
      if (!redisUp) return
      const keys = await redisA.keys(`${prefix}*`)
      if (keys.length > 0) await redisA.del(...keys)
      redisA.disconnect()
      redisB.disconnect()
    })

    withRedis('two instances starting together fetch the token once and both send with it; a refusal is refreshed once for both', async () => {
      const a = createWechatSubscribeProvider(settings(), { store: createRedisTokenStore(redisA, prefix), now: clock.now })
      const b = createWechatSubscribeProvider(settings(), { store: createRedisTokenStore(redisB, prefix), now: clock.now })
      await Promise.all([a.send(wxMessage()), b.send(wxMessage()), a.send(wxMessage()), b.send(wxMessage())])
      expect(fake.tokenRequests).toHaveLength(1)
      expect(fake.deliveries).toHaveLength(4)
      const stored = JSON.parse((await redisA.get(`${prefix}wechat:stable-token:${appId}`)) ?? '{}') as { token?: string }
      expect(stored.token).toBe(fake.currentToken())

      fake.revokeTokens()
      await Promise.all([a.send(wxMessage()), b.send(wxMessage())])
      expect(fake.tokenRequests).toHaveLength(2)
      expect(fake.deliveries).toHaveLength(6)
      expect(await redisA.exists(`${prefix}wechat:stable-token:${appId}:lock`)).toBe(0)
    })
  })
})

/* ================================================================== Alipay */

describe('Alipay template messages (RSA2)', () => {
  const appKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const alipayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const strangerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const appId = '2021000000000001'
  const userId = '2088000000000001'
  let fake: FakeAlipay
  beforeEach(async () => {
    fake = await startFakeAlipay({ appId, appPublicKey: appKeys.publicKey, alipayPrivateKey: alipayKeys.privateKey, otherPrivateKey: strangerKeys.privateKey })
  })
  afterEach(() => fake.close())

  const provider = (overrides: { privateKey?: string; fetch?: FetchLike; gateway?: string } = {}) =>
    createAlipayTemplateProvider(
      {
        appId,
        privateKey: overrides.privateKey ?? appKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        // As the open platform shows it: bare base64 of the SPKI DER.
        alipayPublicKey: alipayKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        gateway: overrides.gateway ?? fake.url,
        templates: { notice: { templateId: 'ali-tmpl-notice', fields: { applicationNo: 'keyword1', title: 'keyword2' }, page: 'pages/index/index' } },
      },
      overrides.fetch !== undefined ? { fetch: overrides.fetch } : {},
    )

  const aliMessage = (overrides: Partial<OutboundMessage> = {}) =>
    message({
      channel: 'alipay',
      recipient: userId,
      params: { applicationNo: 'ZZ2026-000123', title: '青年人才生活补贴申请受理通知'.repeat(4) },
      ...overrides,
    })

  it('sends signed requests (PKCS#8 and PKCS#1 keys) with the documented common parameters, and checks the answer', async () => {
    await expect(provider().send(aliMessage())).resolves.toEqual({})
    const pkcs1 = appKeys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
    await expect(provider({ privateKey: pkcs1 }).send(aliMessage({ page: 'pages/status/index' }))).resolves.toEqual({})
    const request = fake.lastRequest() ?? {}
    expect(request).toMatchObject({ app_id: appId, method: 'alipay.open.app.mini.templatemessage.send', format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', version: '1.0' })
    expect(request.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(JSON.parse(request.biz_content ?? '{}')).not.toHaveProperty('form_id')
    expect(fake.deliveries).toHaveLength(2)
    expect(fake.deliveries[0]).toMatchObject({ to_user_id: userId, user_template_id: 'ali-tmpl-notice', page: 'pages/index/index' })
    expect(fake.deliveries[1]?.page).toBe('pages/status/index')
    expect(Array.from(fake.deliveries[0]?.data.keyword2?.value ?? '')).toHaveLength(50)
  })

  it('is refused when the request is altered after signing (not retryable)', async () => {
    const tamper: FetchLike = (url, init) => fetch(url, { ...init, body: String(init?.body).replace('ali-tmpl-notice', 'ali-tmpl-other') })
    expect(await refusal(provider({ fetch: tamper }).send(aliMessage()))).toMatchObject({ retryable: false, code: 'isv.invalid-signature' })
    const stranger = strangerKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(await refusal(provider({ privateKey: stranger }).send(aliMessage()))).toMatchObject({ retryable: false, code: 'isv.invalid-signature' })
    expect(fake.deliveries).toHaveLength(0)
  })

  it('refuses an answer whose signature does not verify with the Alipay public key', async () => {
    fake.signAnswers('wrong-key')
    expect(await refusal(provider().send(aliMessage()))).toMatchObject({ retryable: false, code: 'RESPONSE_SIGNATURE_INVALID' })
    // A failure rewritten into a "success" on the way.
    fake.signAnswers('tampered')
    expect(await refusal(provider().send(aliMessage({ recipient: '12345' })))).toMatchObject({ retryable: false, code: 'RESPONSE_SIGNATURE_INVALID' })
    // A success with a member added on the way.
    expect(await refusal(provider().send(aliMessage()))).toMatchObject({ retryable: false, code: 'RESPONSE_SIGNATURE_INVALID' })
  })

  it('tells retryable failures (20000 busy, 5xx, no answer) from permanent ones (40004 business errors)', async () => {
    fake.failNext(1, 'busy')
    expect(await refusal(provider().send(aliMessage()))).toMatchObject({ retryable: true, code: 'isp.unknow-error' })
    fake.failNext(1, 'http500')
    expect(await refusal(provider().send(aliMessage()))).toMatchObject({ retryable: true, code: 'HTTP_503' })
    expect(await refusal(provider({ gateway: 'http://127.0.0.1:9/gateway.do' }).send(aliMessage()))).toMatchObject({ retryable: true, code: 'NETWORK' })
    expect(await refusal(provider().send(aliMessage({ recipient: 'not-a-user' })))).toMatchObject({ retryable: false, code: 'USER_NOT_EXIST' })
    expect(await refusal(provider().send(aliMessage({ kind: 'stop' })))).toMatchObject({ retryable: false, code: 'TEMPLATE_NOT_CONFIGURED' })
    expect(fake.deliveries).toHaveLength(0)
  })

  it('cuts the signed member out of the answer byte for byte (escaped slashes, braces inside strings)', () => {
    const body = '{"x_response":{"code":"10000","msg":"a}b\\"{","url":"https:\\/\\/qr.alipay.com\\/x"},"sign":"abc"}'
    expect(rawMember(body, 'x_response')).toBe('{"code":"10000","msg":"a}b\\"{","url":"https:\\/\\/qr.alipay.com\\/x"}')
    expect(rawMember(body, 'y_response')).toBeUndefined()
  })
})

/* ================================================================== Configuration */

describe('provider configuration', () => {
  const smsEnv = {
    ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-id',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
    ALIYUN_SMS_SIGN_NAME: '智汇郑州',
    ALIYUN_SMS_TEMPLATES: '{"notice":"SMS_1","payment":"SMS_2"}',
  }

  it('leaves every channel out when nothing is configured (the development outbox stays the default)', () => {
    expect(readProviderConfig({})).toEqual({})
    expect(loadConfig({}, '/tmp').providers).toEqual({})
    expect(createConfiguredProviders({ providers: {} })).toEqual({})
  })

  it('names what is missing when a channel is configured in part', () => {
    expect(() => readProviderConfig({ ALIYUN_SMS_ACCESS_KEY_ID: 'x' })).toThrow(ConfigError)
    expect(() => readProviderConfig({ ALIYUN_SMS_ACCESS_KEY_ID: 'x' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_SECRET、ALIYUN_SMS_SIGN_NAME、ALIYUN_SMS_TEMPLATES/)
    expect(() => readProviderConfig({ WECHAT_SUBSCRIBE_TEMPLATES: '{"notice":{"templateId":"t","fields":{"a":"thing1"}}}', WECHAT_APPID: 'wx' })).toThrow(/WECHAT_SECRET/)
    expect(() => readProviderConfig({ ALIPAY_TEMPLATES: '{"notice":{"templateId":"t","fields":{"a":"keyword1"}}}', ALIPAY_APPID: '2021' })).toThrow(
      /ALIPAY_PRIVATE_KEY.*ALIPAY_PUBLIC_KEY/,
    )
    expect(() => readProviderConfig({ ...smsEnv, ALIYUN_SMS_TEMPLATES: '{"hello":"SMS_1"}' })).toThrow(/“hello”不是消息类型/)
    expect(() => readProviderConfig({ ...smsEnv, ALIYUN_SMS_TEMPLATES: 'SMS_1' })).toThrow(/ALIYUN_SMS_TEMPLATES 应为 JSON/)
    expect(() => readProviderConfig({ ...smsEnv, ALIYUN_SMS_ENDPOINT: 'dysmsapi' })).toThrow(/ALIYUN_SMS_ENDPOINT/)
  })

  it('builds the configured providers only', () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const providers = readProviderConfig({
      ...smsEnv,
      WECHAT_APPID: 'wx',
      WECHAT_SECRET: 's',
      WECHAT_SUBSCRIBE_TEMPLATES: '{"notice":{"templateId":"t","fields":{"applicationNo":"character_string1"}}}',
    })
    expect(providers.sms).toMatchObject({ endpoint: 'https://dysmsapi.aliyuncs.com/', templates: { notice: 'SMS_1', payment: 'SMS_2' } })
    expect(providers.wechat).toMatchObject({ apiBase: 'https://api.weixin.qq.com', miniprogramState: 'formal' })
    expect(providers.alipay).toBeUndefined()
    const built = createConfiguredProviders({ providers })
    expect(Object.keys(built).sort()).toEqual(['sms', 'wechat'])
    expect(built.sms?.name).toBe('aliyun-sms')
    expect(built.wechat?.name).toBe('wechat-subscribe')

    const withAlipay = readProviderConfig({
      ALIPAY_APPID: '2021',
      ALIPAY_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
      ALIPAY_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      ALIPAY_TEMPLATES: '{"payment":{"templateId":"t","fields":{"amount":"keyword1"},"page":"pages/index/index"}}',
    })
    expect(createConfiguredProviders({ providers: withAlipay }).alipay?.name).toBe('alipay-template')
    expect(() => createConfiguredProviders({ providers: { alipay: { ...withAlipay.alipay!, alipayPublicKey: 'not a key' } } })).toThrow(ConfigError)
  })
})
