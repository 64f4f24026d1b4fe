/**
 * Development staff accounts (design.md): one per role, all with the password below, seeded into
 * an empty staff table when NODE_ENV is not production and printed by `npm start`. They need not
 * change their password (the printed one must keep working); production seeds nothing.
 */
import { randomUUID } from 'node:crypto'
import type { Bureau, District, StaffRole } from '@zhihui/core'
import type { Db } from '../../db/schema'
import { countStaff, insertStaff } from '../../repositories/staff'
import { hashPassword } from './passwords'

export const DEV_STAFF_PASSWORD = 'zhihui-dev-2026'

export interface DevStaff {
  username: string
  name: string
  roles: StaffRole[]
  district?: District
  bureau?: Bureau
}

export const DEV_STAFF: readonly DevStaff[] = [
  { username: 'admin', name: '管理员', roles: ['admin'] },
  { username: 'reviewer', name: '审核员李静', roles: ['reviewer'] },
  { username: 'clerk-jinshui', name: '窗口经办王芳', roles: ['window-clerk'], district: '金水区' },
  { username: 'payments', name: '发放专员赵强', roles: ['payments'] },
  { username: 'service-edu', name: '教育局服务专员刘洋', roles: ['service-staff'], bureau: '教育局' },
  { username: 'bureau-edu', name: '教育局督办', roles: ['bureau'], bureau: '教育局' },
  { username: 'bureau-hr', name: '人社局督办', roles: ['bureau'], bureau: '人社局' },
  { username: 'leader', name: '市领导', roles: ['leader'] },
]

// One hash for the process: every dev account shares the known password, and hashing it for each
// of the many apps a test run builds would cost seconds.
let devHash: Promise<string> | undefined

export async function seedDevStaff(db: Db, at: string): Promise<boolean> {
  if ((await countStaff(db)) > 0) return false
  devHash ??= hashPassword(DEV_STAFF_PASSWORD)
  const passwordHash = await devHash
  await db.transaction().execute(async (trx) => {
    for (const staff of DEV_STAFF) {
      await insertStaff(trx, {
        id: randomUUID(),
        username: staff.username,
        name: staff.name,
        password_hash: passwordHash,
        roles_json: JSON.stringify(staff.roles),
        district: staff.district ?? null,
        bureau: staff.bureau ?? null,
        totp_cipher: null,
        totp_pending_cipher: null,
        must_change_password: 0,
        disabled: 0,
        last_sign_in_at: null,
        created_at: at,
        updated_at: at,
      })
    }
  })
  return true
}
