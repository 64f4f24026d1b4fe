/**
 * Staff accounts, for admins (design.md: "staff accounts and roles; no application data").
 * A new or reset account gets a one-time password shown once and must change it at first sign-in;
 * disabling, resetting or re-roling ends the account's sessions at once. An admin cannot disable
 * or un-admin themselves, so the product always keeps one way back in.
 */
import { randomUUID } from 'node:crypto'
import {
  DISTRICTS,
  isBureau,
  isStaffRole,
  STAFF_ROLES,
  type AccountWithPassword,
  type Bureau,
  type District,
  type StaffAccountView,
  type StaffRole,
} from '@zhihui/core'
import type { Clock } from '../../clock'
import type { Db } from '../../db/schema'
import { AppError, conflict, invalid, notFound } from '../../errors'
import { deleteStaffSessions, findStaffByUsername, insertStaff, listStaff, updateStaff, type StaffAccountRow } from '../../repositories/staff'
import { isUniqueViolation } from '../../db/errors'
import { byStaff, type AuditService } from './audit-service'
import { hashPassword, temporaryPassword } from './passwords'
import { principalOf, type StaffPrincipal } from './principal'

const USERNAME = /^[a-z][a-z0-9-]{2,31}$/

export function viewOf(row: StaffAccountRow): StaffAccountView {
  const p = principalOf(row)
  return {
    username: p.username,
    name: p.name,
    roles: p.roles,
    district: p.district,
    bureau: p.bureau,
    disabled: row.disabled === 1,
    mustChangePassword: p.mustChangePassword,
    totpEnrolled: p.totpEnrolled,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  }
}

interface Scoped {
  roles: StaffRole[]
  district: District | null
  bureau: Bureau | null
}

/** Roles, and the district / bureau that scoped roles need (and only they may carry). */
export function readRolesAndScope(body: Record<string, unknown>, current?: Scoped): Scoped {
  const roles = body.roles === undefined && current !== undefined ? current.roles : body.roles
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isStaffRole)) {
    throw invalid('roles', `请至少选择一个角色：${Object.values(STAFF_ROLES).map((r) => r.label).join('、')}。`)
  }
  const unique = [...new Set(roles)]
  const needs = (scope: 'district' | 'bureau') => unique.some((role) => STAFF_ROLES[role].scope === scope)
  const pick = <T>(name: 'district' | 'bureau', fallback: T | null): unknown => (body[name] === undefined ? fallback : body[name])
  let district = pick('district', current?.district ?? null)
  let bureau = pick('bureau', current?.bureau ?? null)
  if (district === '') district = null
  if (bureau === '') bureau = null
  if (needs('district')) {
    if (typeof district !== 'string' || !(DISTRICTS as readonly string[]).includes(district)) {
      throw invalid('district', '窗口经办须选择所在的区县（窗口所属区县）。')
    }
  } else district = null
  if (needs('bureau')) {
    if (!isBureau(bureau)) throw invalid('bureau', '服务人员和业务局委账号须选择所属局委。')
  } else bureau = null
  return { roles: unique, district: district as District | null, bureau: bureau as Bureau | null }
}

function readName(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length < 2 || value.trim().length > 20) throw invalid('name', '请填写工作人员姓名（2 至 20 个字）。')
  return value.trim()
}

export function createStaffAccountService(db: Db, clock: Clock, audit: AuditService) {
  const nowIso = () => clock.now().toISOString()

  async function find(username: string): Promise<StaffAccountRow> {
    const row = USERNAME.test(username) ? await findStaffByUsername(db, username) : undefined
    if (row === undefined) throw notFound(`没有用户名为 ${username} 的工作人员账号。`)
    return row
  }

  return {
    async list(): Promise<{ items: StaffAccountView[] }> {
      return { items: (await listStaff(db)).map(viewOf) }
    },

    async create(admin: StaffPrincipal, body: Record<string, unknown>, ip: string): Promise<AccountWithPassword> {
      const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : ''
      if (!USERNAME.test(username)) throw invalid('username', '用户名为 3 至 32 位小写字母、数字或连字符，以字母开头，如 reviewer-zhang。')
      const name = readName(body.name)
      const scoped = readRolesAndScope(body)
      const password = temporaryPassword()
      const at = nowIso()
      const row: StaffAccountRow = {
        id: randomUUID(),
        username,
        name,
        password_hash: await hashPassword(password),
        roles_json: JSON.stringify(scoped.roles),
        district: scoped.district,
        bureau: scoped.bureau,
        totp_cipher: null,
        totp_pending_cipher: null,
        must_change_password: 1,
        disabled: 0,
        last_sign_in_at: null,
        created_at: at,
        updated_at: at,
      }
      try {
        await db.transaction().execute(async (trx) => {
          await insertStaff(trx, row)
          await audit.record({ ...byStaff(admin), action: 'account-create', target: username, detail: { name, ...scoped }, ip }, trx)
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('USERNAME_TAKEN', `用户名 ${username} 已被使用，请换一个。`)
        throw error
      }
      return { account: viewOf(row), temporaryPassword: password }
    },

    async update(admin: StaffPrincipal, username: string, body: Record<string, unknown>, ip: string): Promise<{ account: StaffAccountView }> {
      const row = await find(username)
      const before = principalOf(row)
      const name = body.name === undefined ? row.name : readName(body.name)
      const scoped = readRolesAndScope(body, before)
      if (body.disabled !== undefined && typeof body.disabled !== 'boolean') throw invalid('disabled', 'disabled 应为 true 或 false。')
      const disabled = body.disabled === undefined ? row.disabled === 1 : body.disabled
      if (row.id === admin.id && (disabled || !scoped.roles.includes('admin'))) {
        throw new AppError(409, 'SELF_LOCKOUT', '不能停用自己的账号或取消自己的管理员角色，请由另一位管理员操作。')
      }
      const patch = {
        name,
        roles_json: JSON.stringify(scoped.roles),
        district: scoped.district,
        bureau: scoped.bureau,
        disabled: disabled ? 1 : 0,
        updated_at: nowIso(),
      }
      await db.transaction().execute(async (trx) => {
        await updateStaff(trx, row.id, patch)
        // New roles or a disabled account take effect now, not at the session's end.
        if (disabled || patch.roles_json !== row.roles_json || patch.district !== row.district || patch.bureau !== row.bureau) {
          await deleteStaffSessions(trx, row.id)
        }
        await audit.record(
          {
            ...byStaff(admin),
            action: 'account-update',
            target: username,
            detail: { before: { name: row.name, roles: before.roles, district: row.district, bureau: row.bureau, disabled: row.disabled === 1 }, after: { name, ...scoped, disabled } },
            ip,
          },
          trx,
        )
      })
      return { account: viewOf({ ...row, ...patch }) }
    },

    async reset(admin: StaffPrincipal, username: string, ip: string): Promise<AccountWithPassword> {
      const row = await find(username)
      const password = temporaryPassword()
      const patch = { password_hash: await hashPassword(password), must_change_password: 1, totp_cipher: null, totp_pending_cipher: null, updated_at: nowIso() }
      await db.transaction().execute(async (trx) => {
        await updateStaff(trx, row.id, patch)
        await deleteStaffSessions(trx, row.id)
        await audit.record({ ...byStaff(admin), action: 'account-reset', target: username, ip }, trx)
      })
      return { account: viewOf({ ...row, ...patch }), temporaryPassword: password }
    },
  }
}

export type StaffAccountService = ReturnType<typeof createStaffAccountService>
