/**
 * Who may call what on the staff API (docs/staff-api.md): every endpoint × every development
 * account, allowed / 403 / 404, then 401 without a session and 403 without the console's CSRF
 * header on every request that changes something. One line per endpoint: adding an endpoint to
 * the API means adding its line here.
 *
 * "Allowed" is the status an allowed account gets: 200/204, or 422 where the line sends a body
 * the endpoint refuses on purpose (so the table changes nothing) — either way the request went
 * past the session, the role and the scope. A clerk reading an application of another district
 * gets 404, never 403: it must not learn that the application exists.
 */
import { DEV_STAFF } from '../../packages/server/src/services/staff/dev-accounts'
import { API, validForm, readyApplicant, wrap } from './helpers/client'
import { testPerson } from './helpers/people'
import { CSRF, staff, type StaffClient } from './helpers/staff'
import { startTestApp, type TestApp } from './helpers/test-app'

// The PostgreSQL project (root jest.config.js) does not inherit tests/server's 20 s timeout.
jest.setTimeout(60_000)
let t: TestApp
const app = () => t.app

type Username = 'admin' | 'reviewer' | 'clerk-jinshui' | 'payments' | 'service-edu' | 'bureau-edu' | 'bureau-hr' | 'leader'
const EVERYONE: Username[] = ['admin', 'reviewer', 'clerk-jinshui', 'payments', 'service-edu', 'bureau-edu', 'bureau-hr', 'leader']
const SUBSIDY: Username[] = ['reviewer', 'clerk-jinshui', 'payments', 'bureau-hr']
const SUBSIDY_ALL: Username[] = ['reviewer', 'payments', 'bureau-hr']

interface Fixtures {
  /** A submitted application of 金水区 (the clerk's district). */
  jinshui: string
  jinshuiPhoto: string
  /** A submitted application of 二七区. */
  erqi: string
  erqiPhoto: string
  /** A notice batch holding one approved application. */
  batch: string
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

interface Endpoint {
  method: Method
  /** `{name}` stands for a fixture, e.g. `/staff/applications/{jinshui}`. */
  path: string
  body?: Record<string, unknown>
  /** The accounts that get `ok`; every other gets 403 unless listed in `hidden`. */
  allowed: Username[]
  ok: number
  /** Accounts that get 404: the thing exists but lies outside their district or bureau. */
  hidden?: Username[]
  /** Sign in afresh for this line (it ends or changes the session). */
  fresh?: boolean
}

const e = (method: Method, path: string, allowed: Username[], ok: number, more: Partial<Endpoint> = {}): Endpoint => ({ method, path, allowed, ok, ...more })

const ENDPOINTS: Endpoint[] = [
  // Session
  e('GET', '/staff/session', EVERYONE, 200),
  e('POST', '/staff/session/password', EVERYONE, 422, { body: { current: 'not-my-password', next: 'x' } }),
  e('POST', '/staff/session/totp', EVERYONE, 422, { body: { code: '000000' } }),
  e('DELETE', '/staff/session', EVERYONE, 204, { fresh: true }),
  // Accounts and audit
  e('GET', '/staff/accounts', ['admin'], 200),
  e('POST', '/staff/accounts', ['admin'], 422, { body: { username: 'X' } }),
  e('PATCH', '/staff/accounts/leader', ['admin'], 422, { body: { roles: [] } }),
  e('POST', '/staff/accounts/no-such-person/reset', ['admin'], 404),
  e('GET', '/staff/audit', ['admin', 'bureau-edu', 'bureau-hr'], 200),
  // The subsidy's applications
  e('GET', '/staff/overview', SUBSIDY, 200),
  e('GET', '/staff/applications', SUBSIDY, 200),
  e('GET', '/staff/applications/{jinshui}', SUBSIDY, 200),
  e('GET', '/staff/applications/{erqi}', SUBSIDY_ALL, 200, { hidden: ['clerk-jinshui'] }),
  e('GET', '/staff/applications/{jinshui}/photos/{jinshuiPhoto}', SUBSIDY, 200),
  e('GET', '/staff/applications/{erqi}/photos/{erqiPhoto}', SUBSIDY_ALL, 200, { hidden: ['clerk-jinshui'] }),
  e('POST', '/staff/applications/{jinshui}/reveal', ['reviewer', 'payments'], 422, { body: { field: 'mobile' } }),
  e('POST', '/staff/applications/{jinshui}/decision', ['reviewer'], 422, { body: { decision: 'maybe' } }),
  e('POST', '/staff/applications/{jinshui}/objection', ['reviewer'], 422, { body: {} }),
  e('GET', '/staff/rejection-reasons', ['reviewer'], 200),
  // Notices
  e('GET', '/staff/notices', SUBSIDY_ALL, 200),
  e('POST', '/staff/notices', ['payments'], 422, { body: { applicationNos: [] } }),
  e('GET', '/staff/notices/{batch}', SUBSIDY_ALL, 200),
  e('GET', '/staff/notices/{batch}/list.xlsx', ['payments'], 200),
  e('POST', '/staff/notices/{batch}/start-payments', ['payments'], 409, { body: {} }),
  // Outbound messages: admins and the HR bureau's supervisor (a retry of no message answers 404)
  e('GET', '/staff/messages', ['admin', 'bureau-hr'], 200),
  e('POST', '/staff/messages/no-such-message/retry', ['admin', 'bureau-hr'], 404, { body: {} }),
]

const CHANGES: readonly Method[] = ['POST', 'PATCH', 'DELETE']

let fixtures: Fixtures
const clients = new Map<Username, StaffClient>()

async function filed(code: string, n: number, district: string): Promise<{ no: string; photoId: string }> {
  const client = await readyApplicant(app, code, testPerson(n), validForm({ facts: { hukou: { inZhengzhou: true, district, settledOn: '2024-08-15' } } }))
  const res = await client.submit(`key-${code}`)
  if (res.status !== 200) throw new Error(`submit failed: ${JSON.stringify(res.body)}`)
  const photos = (await client.get('/application')).body.documents as { photoId: string }[]
  return { no: res.body.applicationNo as string, photoId: photos[0]!.photoId }
}

beforeAll(async () => {
  t = await startTestApp()
  const [jinshui, erqi, noticed] = [await filed('acc-js', 60, '金水区'), await filed('acc-eq', 61, '二七区'), await filed('acc-nt', 62, '金水区')]
  const reviewer = await staff(app, 'reviewer')
  if ((await reviewer.send('POST', `/staff/applications/${noticed.no}/decision`, { decision: 'approve' })).status !== 200) throw new Error('approve failed')
  const notice = await (await staff(app, 'payments')).send('POST', '/staff/notices', { applicationNos: [noticed.no] })
  if (notice.status !== 200) throw new Error(`notice failed: ${JSON.stringify(notice.body)}`)
  fixtures = { jinshui: jinshui.no, jinshuiPhoto: jinshui.photoId, erqi: erqi.no, erqiPhoto: erqi.photoId, batch: (notice.body.batch as { id: string }).id }
  for (const username of EVERYONE) clients.set(username, await staff(app, username))
})
afterAll(() => t.close())

const pathOf = (endpoint: Endpoint): string => endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => fixtures[name as keyof Fixtures])

const call = (client: StaffClient, endpoint: Endpoint, options: { csrf?: boolean } = {}) =>
  endpoint.method === 'GET' ? client.get(pathOf(endpoint)) : client.send(endpoint.method, pathOf(endpoint), endpoint.body, options)

const expected = (endpoint: Endpoint, username: Username): number =>
  endpoint.allowed.includes(username) ? endpoint.ok : endpoint.hidden?.includes(username) ? 404 : 403

it('covers every development account', () => {
  expect([...EVERYONE].sort()).toEqual(DEV_STAFF.map((s) => s.username).sort())
})

const rows = ENDPOINTS.flatMap((endpoint) => EVERYONE.map((username) => [endpoint.method, endpoint.path, username, endpoint] as const))

it.each(rows)('%s %s as %s', async (_method, _path, username, endpoint) => {
  const client = endpoint.fresh ? await staff(app, username) : clients.get(username)!
  const res = await call(client, endpoint)
  const want = expected(endpoint, username)
  if (res.status !== want) throw new Error(`${endpoint.method} ${pathOf(endpoint)} as ${username}: ${res.status} ${JSON.stringify(res.body)}, expected ${want}`)
  if (want === 403) expect(res.body.error).toMatchObject({ code: 'FORBIDDEN' })
  if (want === 404) expect(res.body.error).toMatchObject({ code: 'NOT_FOUND' })
})

it.each(ENDPOINTS.map((endpoint) => [endpoint.method, endpoint.path, endpoint] as const))('%s %s: 401 without a session', async (_method, _path, endpoint) => {
  const res = wrap(
    await app().inject({
      method: endpoint.method,
      url: API + pathOf(endpoint),
      headers: CSRF,
      ...(endpoint.body !== undefined ? { payload: endpoint.body } : {}),
    }),
  )
  expect(res.status).toBe(401)
  expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED' })
})

it.each(ENDPOINTS.filter((endpoint) => CHANGES.includes(endpoint.method)).map((endpoint) => [endpoint.method, endpoint.path, endpoint] as const))(
  '%s %s: 403 CSRF without the console header, even for an allowed account',
  async (_method, _path, endpoint) => {
    const client = await staff(app, endpoint.allowed[0]!)
    const res = await call(client, endpoint, { csrf: false })
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'CSRF' })
    // The session is still good: the refusal changed nothing.
    expect((await client.get('/staff/session')).status).toBe(200)
  },
)

it('refuses sign-in itself without the console header', async () => {
  const res = wrap(await app().inject({ method: 'POST', url: `${API}/staff/session`, payload: { username: 'reviewer', password: 'zhihui-dev-2026' } }))
  expect(res.status).toBe(403)
  expect(res.body.error).toMatchObject({ code: 'CSRF' })
})

it('answers an unknown or made-up session cookie with 401 SESSION_EXPIRED', async () => {
  const res = wrap(await app().inject({ method: 'GET', url: `${API}/staff/overview`, headers: { cookie: 'zh_staff=made-up' } }))
  expect(res.status).toBe(401)
  expect(res.body.error).toMatchObject({ code: 'SESSION_EXPIRED' })
})
