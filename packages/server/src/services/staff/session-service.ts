/**
 * Staff sign-in and sessions (design.md, "Staff API"): argon2id passwords, the same 401 for an
 * unknown name and a wrong password, 423 after 5 failures in 15 minutes, a TOTP second factor
 * once enrolled (and required in production), sessions that end after 30 minutes idle or 8 hours
 * in all, and a first sign-in that must choose a new password.
 */
import { randomUUID } from 'node:crypto'
import { generateSecret, generateURI, verifySync } from 'otplib'
import { passwordProblem, STAFF_SECURITY } from '@zhihui/core'
import type { Clock } from '../../clock'
import type { FieldCipher } from '../../crypto/field-cipher'
import { newToken, tokenHash } from '../../crypto/tokens'
import type { Db } from '../../db/schema'
import { AppError, invalid, unauthorized } from '../../errors'
import {
  clearSignInFailures,
  countSignInFailures,
  deleteStaffSession,
  deleteStaffSessions,
  findStaffById,
  findStaffByUsername,
  findStaffSession,
  insertSignInFailure,
  insertStaffSession,
  touchStaffSession,
  updateStaff,
} from '../../repositories/staff'
import type { AuditService } from './audit-service'
import { byStaff } from './audit-service'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords'
import { principalOf, type StaffPrincipal } from './principal'

const MINUTE = 60_000
const IDLE_MS = STAFF_SECURITY.idleMinutes * MINUTE
const ABSOLUTE_MS = STAFF_SECURITY.absoluteHours * 60 * MINUTE
/** last_seen_at is written at most once a minute: idle time is measured in minutes anyway. */
const TOUCH_EVERY_MS = MINUTE
const TOTP_ISSUER = '智汇郑州'

const INVALID_CREDENTIALS = '用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟。'

export interface SignInResult {
  token: string
  staff: StaffPrincipal
}

interface Deps {
  db: Db
  clock: Clock
  cipher: FieldCipher
  audit: AuditService
  production: boolean
}

export function createStaffSessionService({ db, clock, cipher, audit, production }: Deps) {
  const nowIso = () => clock.now().toISOString()

  function totpValid(secretCipher: string, code: string): boolean {
    if (!/^\d{6}$/.test(code)) return false
    // One step either side (±30 s) for clocks that drift, as RFC 6238 §5.2 recommends.
    return verifySync({ secret: cipher.decrypt(secretCipher), token: code, epoch: Math.floor(clock.nowMs() / 1000), epochTolerance: 30 }).valid
  }

  async function fail(username: string, ip: string, reason: string): Promise<never> {
    const at = nowIso()
    await insertSignInFailure(db, randomUUID(), username, at)
    await audit.record({ actor: `staff:${username}`, action: 'sign-in-failed', target: username, detail: { reason }, ip })
    throw new AppError(401, reason === 'totp' ? 'TOTP_INVALID' : 'INVALID_CREDENTIALS', reason === 'totp' ? '动态验证码不正确，请查看验证器中的 6 位数字后重试。' : INVALID_CREDENTIALS)
  }

  return {
    async signIn(body: Record<string, unknown>, ip: string): Promise<SignInResult> {
      const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : ''
      const password = typeof body.password === 'string' ? body.password : ''
      if (username === '' || username.length > 64) throw invalid('username', '请输入用户名。')
      if (password === '' || password.length > 256) throw invalid('password', '请输入密码。')

      const since = new Date(clock.nowMs() - STAFF_SECURITY.failureWindowMinutes * MINUTE).toISOString()
      if ((await countSignInFailures(db, username, since)) >= STAFF_SECURITY.maxFailures) {
        await audit.record({ actor: `staff:${username}`, action: 'sign-in-locked', target: username, ip })
        throw new AppError(423, 'LOCKED', `连续 ${STAFF_SECURITY.maxFailures} 次登录失败，账号已锁定，请 ${STAFF_SECURITY.failureWindowMinutes} 分钟后再试，或联系管理员。`)
      }

      const row = await findStaffByUsername(db, username)
      if (row === undefined) {
        await verifyAgainstDummy(password)
        return fail(username, ip, 'credentials')
      }
      if (!(await verifyPassword(row.password_hash, password)) || row.disabled === 1) return fail(username, ip, 'credentials')
      if (row.totp_cipher !== null) {
        const code = typeof body.totp === 'string' ? body.totp.trim() : ''
        if (code === '') throw new AppError(401, 'TOTP_REQUIRED', '请输入验证器中的 6 位动态验证码。', 'totp')
        if (!totpValid(row.totp_cipher, code)) return fail(username, ip, 'totp')
      }

      const token = newToken()
      const nowMs = clock.nowMs()
      const at = new Date(nowMs).toISOString()
      await clearSignInFailures(db, username)
      await insertStaffSession(db, {
        token_hash: tokenHash(token),
        staff_id: row.id,
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(nowMs + ABSOLUTE_MS).toISOString(),
      })
      await updateStaff(db, row.id, { last_sign_in_at: at })
      const staff = principalOf(row)
      await audit.record({ ...byStaff(staff), action: 'sign-in', target: username, ip })
      return { token, staff }
    },

    /** The principal of a session cookie, or 401 (none, unknown, idle too long, past 8 hours, account disabled). */
    async authenticate(token: string | undefined): Promise<StaffPrincipal> {
      if (token === undefined || token === '') throw unauthorized('请先登录。')
      const hash = tokenHash(token)
      const session = await findStaffSession(db, hash)
      if (session === undefined) throw new AppError(401, 'SESSION_EXPIRED', '登录已失效，请重新登录。')
      const nowMs = clock.nowMs()
      if (nowMs >= Date.parse(session.expires_at) || nowMs - Date.parse(session.last_seen_at) >= IDLE_MS) {
        await deleteStaffSession(db, hash)
        throw new AppError(401, 'SESSION_EXPIRED', nowMs >= Date.parse(session.expires_at) ? '登录已超过 8 小时，请重新登录。' : '超过 30 分钟未操作，请重新登录。')
      }
      const row = await findStaffById(db, session.staff_id)
      if (row === undefined || row.disabled === 1) {
        await deleteStaffSession(db, hash)
        throw new AppError(401, 'SESSION_EXPIRED', '账号已停用，请联系管理员。')
      }
      if (nowMs - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) await touchStaffSession(db, hash, new Date(nowMs).toISOString())
      return principalOf(row)
    },

    async signOut(token: string | undefined, staff: StaffPrincipal, ip: string): Promise<void> {
      if (token !== undefined) await deleteStaffSession(db, tokenHash(token))
      await audit.record({ ...byStaff(staff), action: 'sign-out', target: staff.username, ip })
    },

    /** Changes the password; other sessions of the account end, this one stays. */
    async changePassword(staff: StaffPrincipal, body: Record<string, unknown>, token: string, ip: string): Promise<StaffPrincipal> {
      const current = typeof body.current === 'string' ? body.current : ''
      const next = typeof body.next === 'string' ? body.next : ''
      const row = await findStaffById(db, staff.id)
      if (row === undefined) throw unauthorized()
      if (!(await verifyPassword(row.password_hash, current))) throw invalid('current', '当前密码不正确。', 'WRONG_PASSWORD')
      const problem = passwordProblem(next, { username: staff.username })
      if (problem !== null) throw invalid('next', problem, 'WEAK_PASSWORD')
      if (next === current) throw invalid('next', '新密码不能与当前密码相同。', 'WEAK_PASSWORD')
      await updateStaff(db, staff.id, { password_hash: await hashPassword(next), must_change_password: 0, updated_at: nowIso() })
      await deleteStaffSessions(db, staff.id)
      const nowMs = clock.nowMs()
      await insertStaffSession(db, {
        token_hash: tokenHash(token),
        staff_id: staff.id,
        created_at: new Date(nowMs).toISOString(),
        last_seen_at: new Date(nowMs).toISOString(),
        expires_at: new Date(nowMs + ABSOLUTE_MS).toISOString(),
      })
      await audit.record({ ...byStaff(staff), action: 'password-change', target: staff.username, ip })
      return { ...staff, mustChangePassword: false }
    },

    /**
     * TOTP enrolment in two steps: `{}` makes a pending secret and answers it (for the
     * authenticator app); `{code}` checks a code of the pending secret and makes it the factor.
     */
    async enrolTotp(
      staff: StaffPrincipal,
      body: Record<string, unknown>,
      ip: string,
    ): Promise<{ secret: string; otpauthUrl: string } | { staff: StaffPrincipal }> {
      const row = await findStaffById(db, staff.id)
      if (row === undefined) throw unauthorized()
      const code = typeof body.code === 'string' ? body.code.trim() : undefined
      if (code === undefined) {
        const secret = generateSecret()
        await updateStaff(db, staff.id, { totp_pending_cipher: cipher.encrypt(secret), updated_at: nowIso() })
        return { secret, otpauthUrl: generateURI({ issuer: TOTP_ISSUER, label: staff.username, secret }) }
      }
      if (row.totp_pending_cipher === null) throw invalid('code', '请先生成密钥，再输入验证器中的验证码。')
      if (!totpValid(row.totp_pending_cipher, code)) throw invalid('code', '验证码不正确：请确认验证器已添加该密钥，并输入当前显示的 6 位数字。', 'TOTP_INVALID')
      await updateStaff(db, staff.id, { totp_cipher: row.totp_pending_cipher, totp_pending_cipher: null, updated_at: nowIso() })
      await audit.record({ ...byStaff(staff), action: 'totp-enrol', target: staff.username, ip })
      return { staff: { ...staff, totpEnrolled: true } }
    },

    /** In production every account needs a second factor before it may do anything but enrol one. */
    needsTotp: (staff: StaffPrincipal): boolean => production && !staff.totpEnrolled,
  }
}

export type StaffSessionService = ReturnType<typeof createStaffSessionService>
