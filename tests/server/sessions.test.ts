/** Sessions, authentication, the public routes and the HTTP basics (error shape, headers, CORS). */
import { COMPLAINT_PHONE, SOCIAL_INSURANCE_BRANCHES, TALENT_WINDOWS } from '@zhihui/core'
import { API, Client, login, wrap } from './helpers/client'
import { testPerson } from './helpers/people'
import { pgUrl, startTestApp, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const open = async (payload: unknown) => wrap(await app().inject({ method: 'POST', url: `${API}/sessions`, payload: payload as object }))

describe('POST /sessions', () => {
  it('gives each distinct h5 code its own identity, and the same code the same identity', async () => {
    const a1 = await login(app, 'alice')
    const a2 = await login(app, 'alice')
    const b = await login(app, 'bob')
    expect(a1.token).not.toBe(a2.token)
    expect((await a1.bind(testPerson(30))).status).toBe(200)
    expect((await a2.get('/me')).body.binding).toMatchObject({ name: '张测试' })
    expect((await b.get('/me')).body).toEqual({})
  })

  it('namespaces development codes by platform: weapp "x" is not h5 "x"', async () => {
    const h5 = await login(app, 'same-code', 'h5')
    await h5.bind(testPerson(31))
    const weapp = await login(app, 'same-code', 'weapp')
    const alipay = await login(app, 'same-code', 'alipay')
    expect((await weapp.get('/me')).body).toEqual({})
    expect((await alipay.get('/me')).body).toEqual({})
  })

  it('refuses an unknown platform or an empty code with 422 naming the field', async () => {
    const platform = await open({ platform: 'qq', code: 'x' })
    expect(platform.status).toBe(422)
    expect(platform.body.error).toMatchObject({ code: 'VALIDATION', field: 'platform' })
    const code = await open({ platform: 'h5', code: '' })
    expect(code.body.error).toMatchObject({ field: 'code' })
    const notObject = wrap(
      await app().inject({ method: 'POST', url: `${API}/sessions`, headers: { 'content-type': 'application/json' }, payload: '[1]' }),
    )
    expect(notObject.status).toBe(422)
  })
})

describe('authentication', () => {
  it('answers 401 with the error shape without a token, with an unknown token, or a malformed header', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }]) {
      const res = wrap(await app().inject({ method: 'GET', url: `${API}/me`, headers }))
      expect(res.status).toBe(401)
      expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.any(String) })
    }
  })

  it('does not take the reviewer token as an applicant', async () => {
    expect((await new Client(app, 'dev-reviewer-token').get('/me')).status).toBe(401)
  })

  it('ends a session after 30 days, also one the server has already seen (and cached)', async () => {
    const client = await login(app, 'thirty-days')
    expect((await client.bind(testPerson(32))).status).toBe(200)
    expect((await client.get('/me')).status).toBe(200)
    expect((await client.get('/me')).status).toBe(200)
    try {
      app().ctx.clock.setToday('2026-12-29')
      expect((await client.get('/me')).status).toBe(200)
      app().ctx.clock.setToday('2026-12-31')
      const expired = await client.get('/me')
      expect(expired.status).toBe(401)
      expect(expired.body.error).toMatchObject({ code: 'UNAUTHORIZED' })
    } finally {
      app().ctx.clock.setToday('2026-11-30')
    }
  })
})

describe('public routes', () => {
  it('lists the talent windows and social-insurance branches from core', async () => {
    const res = await new Client(app).get('/offices')
    expect(res.status).toBe(200)
    expect(res.body.talentWindows).toEqual(JSON.parse(JSON.stringify(TALENT_WINDOWS)))
    expect(res.body.socialInsuranceBranches).toEqual(JSON.parse(JSON.stringify(SOCIAL_INSURANCE_BRANCHES)))
    expect(res.body.complaintPhone).toBe(COMPLAINT_PHONE)
  })

  it('reports health with the database checked, under /api/v1 and at the root', async () => {
    const res = await new Client(app).get('/healthz')
    expect(res.body).toEqual({ ok: true, db: 'up', database: pgUrl === undefined ? 'sqlite' : 'postgres' })
    expect(wrap(await app().inject({ method: 'GET', url: '/healthz' })).body.ok).toBe(true)
  })

  it('moves the development clock, refusing a date that does not exist', async () => {
    const anyone = new Client(app)
    expect((await anyone.get('/dev/clock')).body).toEqual({ today: '2026-11-30' })
    const bad = await anyone.send('POST', '/dev/clock', { today: '2026-02-30' })
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ field: 'today' })
    expect((await anyone.send('POST', '/dev/clock', { today: '2027-01-04' })).body).toEqual({ today: '2027-01-04' })
    expect(t.app.ctx.clock.today()).toBe('2027-01-04')
    await anyone.send('POST', '/dev/clock', { today: '2026-11-30' })
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await new Client(app).get('/nowhere')
    expect(res.status).toBe(404)
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND' })
  })

  it("sends OWASP's REST security headers on every API answer and no CORS headers when no origin is configured", async () => {
    const applicant = await login(app, 'headers')
    const answers = {
      offices: await app().inject({ method: 'GET', url: `${API}/offices`, headers: { origin: 'https://evil.example' } }),
      missing: await app().inject({ method: 'GET', url: `${API}/nowhere` }),
      unauthorized: await app().inject({ method: 'GET', url: `${API}/me` }),
      me: (await applicant.get('/me')).raw,
      noApplication: (await applicant.get('/application')).raw,
    }
    for (const [name, res] of Object.entries(answers)) {
      const headers = { name, ...res.headers }
      expect(headers).toMatchObject({
        name,
        'content-type': expect.stringContaining('application/json'),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'cross-origin-resource-policy': 'same-origin',
      })
      expect(res.headers['x-powered-by']).toBeUndefined()
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
      // Personal data is never stored by a browser or proxy; only the public office list may be.
      expect(headers['cache-control']).toBe(name === 'offices' ? 'public, max-age=3600' : 'no-store')
    }
    expect(answers.unauthorized.statusCode).toBe(401)
    expect(answers.noApplication.statusCode).toBe(404)
  })
})

describe('configured CORS and rate limits', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await startTestApp({ env: { CORS_ORIGINS: 'https://h5.example.cn', RATE_LIMIT_AUTH_PER_MINUTE: '3' } })
  })
  afterAll(() => limited.close())

  it('allows only the configured origin', async () => {
    const allowed = await limited.app.inject({ method: 'OPTIONS', url: `${API}/offices`, headers: { origin: 'https://h5.example.cn', 'access-control-request-method': 'GET' } })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://h5.example.cn')
    const other = await limited.app.inject({ method: 'GET', url: `${API}/offices`, headers: { origin: 'https://evil.example' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('limits session requests more strictly than the rest (429 in the error shape)', async () => {
    const tries = []
    for (let i = 0; i < 4; i++) {
      tries.push(wrap(await limited.app.inject({ method: 'POST', url: `${API}/sessions`, payload: { platform: 'h5', code: `rl-${i}` } })))
    }
    expect(tries.map((r) => r.status)).toEqual([200, 200, 200, 429])
    expect(tries[3]!.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('频繁') })
    expect(Number(tries[3]!.raw.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(tries[3]!.raw.headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(tries[3]!.raw.headers['x-content-type-options']).toBe('nosniff')
    expect((await limited.app.inject({ method: 'GET', url: `${API}/offices` })).statusCode).toBe(200)
  })
})

describe('the shared rate limit', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_AUTH_PER_MINUTE: '2' } })
  })
  afterAll(() => limited.close())
  const get = async (url: string, remoteAddress = '127.0.0.1') => wrap(await limited.app.inject({ method: 'GET', url, remoteAddress }))

  it('counts every route of a client together, leaves other clients and the health check alone', async () => {
    const statuses = []
    for (const url of ['/offices', '/dev/clock', '/offices', '/dev/clock', '/offices', '/dev/clock']) statuses.push((await get(`${API}${url}`)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    const refused = await get(`${API}/offices`)
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED' })
    expect(Number(refused.raw.headers['retry-after'])).toBeGreaterThan(0)
    expect((await get(`${API}/offices`, '127.0.0.2')).status).toBe(200)
    for (let i = 0; i < 6; i++) expect((await get(`${API}/healthz`)).status).toBe(200)
  })

  it('keeps the stricter limit of the session route apart from the shared count', async () => {
    const open = (code: string) =>
      limited.app.inject({ method: 'POST', url: `${API}/sessions`, payload: { platform: 'h5', code }, remoteAddress: '127.0.0.3' })
    expect((await open('a')).statusCode).toBe(200)
    expect((await open('b')).statusCode).toBe(200)
    expect((await open('c')).statusCode).toBe(429)
    expect((await get(`${API}/offices`, '127.0.0.3')).status).toBe(200)
  })
})
