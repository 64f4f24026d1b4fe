/**
 * Staff sign-in and sessions (design.md "Staff API", docs/staff-api.md): one 401 for an unknown
 * name and a wrong password, the lockout and its end, idle and absolute timeouts, the first
 * password change, TOTP enrolment and its use at sign-in (required in production), and what
 * disabling an account does. The clock is moved with Clock.advance, never waited for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { generateSync } from 'otplib'
import { insertStaff } from '../../packages/server/src/repositories/staff'
import { hashPassword } from '../../packages/server/src/services/staff/passwords'
import { StaffClient, staff } from './helpers/staff'
import { startTestApp, type TestApp } from './helpers/test-app'

const MINUTE = 60_000

// The PostgreSQL project (root jest.config.js) does not inherit tests/server's 20 s timeout.
jest.setTimeout(60_000)
let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const totpNow = (secret: string, instance: TestApp = t) => generateSync({ secret, epoch: Math.floor(instance.app.ctx.clock.nowMs() / 1000) })
const auditActions = async (target: string) =>
  (await t.app.ctx.db.selectFrom('audit_log').select('action').where('target', '=', target).orderBy('at').execute()).map((r) => r.action)

describe('signing in', () => {
  it('answers a wrong password and an unknown name with the same 401 body (both audited)', async () => {
    const wrong = await new StaffClient(app).signIn('reviewer', 'not-the-password')
    const unknown = await new StaffClient(app).signIn('nobody-at-all', 'not-the-password')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual(wrong.body)
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(wrong.raw.cookies.find((c) => c.name === 'zh_staff')).toBeUndefined()
    expect(await auditActions('nobody-at-all')).toEqual(['sign-in-failed'])
  })

  it('locks a name after 5 failures (the 6th attempt gets 423, even with the right password) and lets it in 15 minutes later', async () => {
    const client = new StaffClient(app)
    for (let i = 0; i < 5; i++) expect((await client.signIn('leader', `wrong-${i}`)).status).toBe(401)
    const locked = await client.signIn('leader')
    expect(locked.status).toBe(423)
    expect(locked.body.error).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('15 分钟') })
    app().ctx.clock.advance(14 * MINUTE)
    expect((await client.signIn('leader')).status).toBe(423)
    app().ctx.clock.advance(MINUTE + 1000)
    const open = await client.signIn('leader')
    expect(open.status).toBe(200)
    expect((await client.get('/staff/session')).status).toBe(200)
    const actions = await auditActions('leader')
    expect(actions.filter((a) => a === 'sign-in-failed')).toHaveLength(5)
    expect(actions.filter((a) => a === 'sign-in-locked')).toHaveLength(2)
    expect(actions[actions.length - 1]).toBe('sign-in')
  })
})

describe('session timeouts', () => {
  it('ends a session after 30 minutes idle with 401 SESSION_EXPIRED; activity keeps it alive', async () => {
    const client = await staff(app, 'payments')
    app().ctx.clock.advance(29 * MINUTE)
    expect((await client.get('/staff/overview')).status).toBe(200)
    app().ctx.clock.advance(29 * MINUTE)
    expect((await client.get('/staff/overview')).status).toBe(200)
    app().ctx.clock.advance(30 * MINUTE)
    const expired = await client.get('/staff/overview')
    expect(expired.status).toBe(401)
    expect(expired.body.error).toMatchObject({ code: 'SESSION_EXPIRED', message: expect.stringContaining('30 分钟') })
    // Gone for good, not just for that request.
    expect((await client.get('/staff/session')).status).toBe(401)
  })

  it('ends a session 8 hours after sign-in however busy it was', async () => {
    const client = await staff(app, 'bureau-hr')
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      app().ctx.clock.advance(20 * MINUTE)
      expect((await client.get('/staff/session')).status).toBe(200)
    }
    app().ctx.clock.advance(20 * MINUTE)
    const expired = await client.get('/staff/session')
    expect(expired.status).toBe(401)
    expect(expired.body.error).toMatchObject({ code: 'SESSION_EXPIRED', message: expect.stringContaining('8 小时') })
  })
})

describe('a new account', () => {
  it('must change its temporary password before anything else; a weak one is refused naming `next`', async () => {
    const admin = await staff(app, 'admin')
    const created = await admin.send('POST', '/staff/accounts', { username: 'reviewer-zhang', name: '审核员张伟', roles: ['reviewer'] })
    expect(created.status).toBe(200)
    const temporary = created.body.temporaryPassword as string
    const client = new StaffClient(app)
    const signedIn = await client.signIn('reviewer-zhang', temporary)
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.staff).toMatchObject({ username: 'reviewer-zhang', mustChangePassword: true })
    for (const path of ['/staff/applications', '/staff/overview', '/staff/rejection-reasons']) {
      const refused = await client.get(path)
      expect(refused.status).toBe(403)
      expect(refused.body.error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' })
    }
    expect((await client.get('/staff/session')).status).toBe(200)

    for (const next of ['short1A!', 'alllowercaseletters', 'Reviewer-Zhang-2026!']) {
      const weak = await client.send('POST', '/staff/session/password', { current: temporary, next })
      expect(weak.status).toBe(422)
      expect(weak.body.error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'next', message: expect.stringMatching(/[\u4e00-\u9fff]/) })
    }
    const wrongCurrent = await client.send('POST', '/staff/session/password', { current: 'not-it', next: 'Zhengzhou#Talent2026' })
    expect(wrongCurrent.body.error).toMatchObject({ field: 'current' })

    const changed = await client.send('POST', '/staff/session/password', { current: temporary, next: 'Zhengzhou#Talent2026' })
    expect(changed.status).toBe(200)
    expect(changed.body.staff).toMatchObject({ mustChangePassword: false })
    expect((await client.get('/staff/applications')).status).toBe(200)
    expect((await new StaffClient(app).signIn('reviewer-zhang', temporary)).status).toBe(401)
    expect((await new StaffClient(app).signIn('reviewer-zhang', 'Zhengzhou#Talent2026')).status).toBe(200)
    expect(await auditActions('reviewer-zhang')).toEqual(expect.arrayContaining(['account-create', 'sign-in', 'password-change']))
  })
})

describe('TOTP', () => {
  it('enrols a second factor, then requires it at sign-in', async () => {
    const client = await staff(app, 'service-edu')
    const started = await client.send('POST', '/staff/session/totp', {})
    expect(started.status).toBe(200)
    const { secret, otpauthUrl } = started.body as { secret: string; otpauthUrl: string }
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//)
    expect(otpauthUrl).toContain(secret)
    const wrong = await client.send('POST', '/staff/session/totp', { code: totpNow(secret) === '123456' ? '654321' : '123456' })
    expect(wrong.status).toBe(422)
    const enrolled = await client.send('POST', '/staff/session/totp', { code: totpNow(secret) })
    expect(enrolled.status).toBe(200)
    expect(enrolled.body.staff).toMatchObject({ totpEnrolled: true })

    const again = new StaffClient(app)
    const missing = await again.signIn('service-edu')
    expect(missing.status).toBe(401)
    expect(missing.body.error).toMatchObject({ code: 'TOTP_REQUIRED', field: 'totp' })
    const bad = await again.signIn('service-edu', undefined, totpNow(secret) === '000000' ? '111111' : '000000')
    expect(bad.status).toBe(401)
    expect(bad.body.error).toMatchObject({ code: 'TOTP_INVALID' })
    const ok = await again.signIn('service-edu', undefined, totpNow(secret))
    expect(ok.status).toBe(200)
    expect(ok.body.staff).toMatchObject({ username: 'service-edu', totpEnrolled: true })
    expect(await auditActions('service-edu')).toEqual(expect.arrayContaining(['totp-enrol', 'sign-in-failed', 'sign-in']))
  })

  it('is required in production before anything but enrolment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhihui-staff-prod-'))
    const talents = join(dir, 'talents.json')
    writeFileSync(talents, '[]')
    const prod = await startTestApp({
      env: {
        NODE_ENV: 'production',
        ID_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
        REVIEWER_TOKENS: 'a-long-production-reviewer-token',
        TALENT_REGISTRY_FILE: talents,
      },
    })
    try {
      // Production seeds no development accounts: one is made here as an admin would.
      const at = prod.app.ctx.clock.now().toISOString()
      await insertStaff(prod.app.ctx.db, {
        id: randomUUID(),
        username: 'reviewer-prod',
        name: '审核员生产',
        password_hash: await hashPassword('Prod#Reviewer-2026'),
        roles_json: JSON.stringify(['reviewer']),
        district: null,
        bureau: null,
        totp_cipher: null,
        totp_pending_cipher: null,
        must_change_password: 0,
        disabled: 0,
        last_sign_in_at: null,
        created_at: at,
        updated_at: at,
      })
      expect((await new StaffClient(() => prod.app).signIn('reviewer', 'zhihui-dev-2026')).status).toBe(401)
      const client = new StaffClient(() => prod.app)
      const signedIn = await client.signIn('reviewer-prod', 'Prod#Reviewer-2026')
      expect(signedIn.status).toBe(200)
      expect(signedIn.raw.cookies.find((c) => c.name === 'zh_staff')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' })
      const refused = await client.get('/staff/applications')
      expect(refused.status).toBe(403)
      expect(refused.body.error).toMatchObject({ code: 'TOTP_ENROLMENT_REQUIRED' })
      const { secret } = (await client.send('POST', '/staff/session/totp', {})).body as { secret: string }
      expect((await client.send('POST', '/staff/session/totp', { code: totpNow(secret, prod) })).status).toBe(200)
      expect((await client.get('/staff/applications')).status).toBe(200)
      expect((await new StaffClient(() => prod.app).signIn('reviewer-prod', 'Prod#Reviewer-2026')).body.error).toMatchObject({ code: 'TOTP_REQUIRED' })
    } finally {
      await prod.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('disabling accounts', () => {
  it("ends a disabled account's session at once, and refuses its sign-in", async () => {
    const victim = await staff(app, 'bureau-edu')
    expect((await victim.get('/staff/audit')).status).toBe(200)
    const admin = await staff(app, 'admin')
    const disabled = await admin.send('PATCH', '/staff/accounts/bureau-edu', { disabled: true })
    expect(disabled.status).toBe(200)
    expect(disabled.body.account).toMatchObject({ username: 'bureau-edu', disabled: true })
    const after = await victim.get('/staff/audit')
    expect(after.status).toBe(401)
    expect(after.body.error).toMatchObject({ code: 'SESSION_EXPIRED' })
    const again = await new StaffClient(app).signIn('bureau-edu')
    expect(again.status).toBe(401)
    expect(again.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS' })
  })

  it('does not let an admin disable itself or drop its own admin role', async () => {
    const admin = await staff(app, 'admin')
    const self = await admin.send('PATCH', '/staff/accounts/admin', { disabled: true })
    expect(self.status).toBe(409)
    expect(self.body.error).toMatchObject({ code: 'SELF_LOCKOUT' })
    expect((await admin.send('PATCH', '/staff/accounts/admin', { roles: ['reviewer'] })).status).toBe(409)
    expect((await admin.get('/staff/accounts')).status).toBe(200)
  })
})

it('signs out: the cookie no longer works (audited)', async () => {
  const client = await staff(app, 'clerk-jinshui')
  const out = await client.send('DELETE', '/staff/session')
  expect(out.status).toBe(204)
  expect((await client.get('/staff/session')).status).toBe(401)
  expect(await auditActions('clerk-jinshui')).toEqual(['sign-in', 'sign-out'])
})
