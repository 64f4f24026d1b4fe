/**
 * Which of the subsidy's applications a staff account may see (design.md, "Staff side";
 * docs/staff-api.md). The subsidy is the HR bureau's: its reviewers and payments officers, and its
 * supervising `bureau` account, see every application; a window clerk sees those of its own
 * district (the applicant's hukou district, or filed at that district's window); a bureau account
 * of another bureau sees none. Roles are checked by `staffGuard` first; this answers the scope,
 * and `hasSubsidyRole` the bureau rule a role list alone cannot express.
 */
import { hasAnyRole, SUBSIDY_BUREAU, type District, type StaffRole } from '@zhihui/core'
import { AppError } from '../../errors'
import type { StaffPrincipal } from './principal'

export type SubsidyScope = { kind: 'all' } | { kind: 'district'; district: District }

/** The roles that count for the subsidy: `bureau` only when the bureau is 人社局. */
export function subsidyRoles(staff: Pick<StaffPrincipal, 'roles' | 'bureau'>): StaffRole[] {
  return staff.roles.filter((role) => role !== 'bureau' || staff.bureau === SUBSIDY_BUREAU)
}

export const hasSubsidyRole = (staff: Pick<StaffPrincipal, 'roles' | 'bureau'>, allowed: readonly StaffRole[]): boolean =>
  hasAnyRole(subsidyRoles(staff), allowed)

export const forbidden = (): AppError => new AppError(403, 'FORBIDDEN', '您的角色无权进行此操作。')

/** Throws 403 unless one of `allowed` counts for this account on the subsidy. */
export function requireSubsidyRole(staff: StaffPrincipal, allowed: readonly StaffRole[]): void {
  if (!hasSubsidyRole(staff, allowed)) throw forbidden()
}

/** The applications this account sees, or 403 when it sees none. */
export function subsidyScope(staff: StaffPrincipal): SubsidyScope {
  const roles = subsidyRoles(staff)
  if (hasAnyRole(roles, ['reviewer', 'payments', 'bureau'])) return { kind: 'all' }
  if (roles.includes('window-clerk') && staff.district !== null) return { kind: 'district', district: staff.district }
  throw forbidden()
}

/** Whether an application (its hukou district and window district) lies in the scope. */
export function inScope(scope: SubsidyScope, app: { district: string | null; window_district: string | null }): boolean {
  return scope.kind === 'all' || app.district === scope.district || app.window_district === scope.district
}
