/** A signed-in staff member, as routes and services see them. */
import { SUBSIDY_BUREAU, type Bureau, type District, type StaffIdentity, type StaffRole } from '@zhihui/core'
import type { StaffAccountRow } from '../../repositories/staff'

export interface StaffPrincipal {
  id: string
  username: string
  name: string
  roles: StaffRole[]
  district: District | null
  bureau: Bureau | null
  mustChangePassword: boolean
  totpEnrolled: boolean
}

/** Written into history and audit rows. */
export const staffActor = (staff: Pick<StaffPrincipal, 'username'>): string => `staff:${staff.username}`

export function principalOf(row: StaffAccountRow): StaffPrincipal {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles: JSON.parse(row.roles_json) as StaffRole[],
    district: (row.district ?? null) as District | null,
    bureau: (row.bureau ?? null) as Bureau | null,
    mustChangePassword: row.must_change_password === 1,
    totpEnrolled: row.totp_cipher !== null,
  }
}

export function identityOf(staff: StaffPrincipal): StaffIdentity {
  return {
    username: staff.username,
    name: staff.name,
    roles: staff.roles,
    ...(staff.district !== null ? { district: staff.district } : {}),
    ...(staff.bureau !== null ? { bureau: staff.bureau } : {}),
    mustChangePassword: staff.mustChangePassword,
    totpEnrolled: staff.totpEnrolled,
  }
}

/** The roles that work on the living subsidy belong to the HR bureau, whatever else the account holds. */
const SUBSIDY_ROLES: readonly StaffRole[] = ['reviewer', 'window-clerk', 'payments']

/** The bureau an account acts for, for audit scoping: its own, else 人社局 for subsidy roles. */
export function bureauOf(roles: readonly StaffRole[], bureau: Bureau | null): Bureau | null {
  if (bureau !== null) return bureau
  return roles.some((role) => SUBSIDY_ROLES.includes(role)) ? SUBSIDY_BUREAU : null
}
