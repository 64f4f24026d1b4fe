/**
 * What an account form must hold before it is sent (the server checks the same again, with the
 * same words): a username of the server's form, a name, at least one role, and the district or
 * bureau that a scoped role needs (STAFF_ROLES[role].scope). Pure, so tests read it directly.
 */
import { BUREAUS, DISTRICTS, STAFF_ROLES, type Bureau, type District, type StaffRole } from '@zhihui/core'
import type { AccountPatch, NewAccount } from '../../api/accounts'

export interface AccountFormValues {
  username?: string
  name?: string
  roles?: StaffRole[]
  district?: District
  bureau?: Bureau
}

export type AccountField = 'username' | 'name' | 'roles' | 'district' | 'bureau'
export const ACCOUNT_FIELDS: readonly AccountField[] = ['username', 'name', 'roles', 'district', 'bureau']

/** The server's rule for usernames. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9-]{2,31}$/

const labelsOf = (roles: readonly StaffRole[], scope: 'district' | 'bureau'): string[] =>
  roles.filter((role) => STAFF_ROLES[role].scope === scope).map((role) => STAFF_ROLES[role].label)

/** The scopes the chosen roles need. */
export function scopesNeeded(roles: readonly StaffRole[] | undefined): { district: boolean; bureau: boolean } {
  const list = roles ?? []
  return { district: labelsOf(list, 'district').length > 0, bureau: labelsOf(list, 'bureau').length > 0 }
}

/** Every problem of the form, by field, in Chinese; empty when it may be sent. */
export function accountProblems(values: AccountFormValues, mode: 'create' | 'edit'): Partial<Record<AccountField, string>> {
  const problems: Partial<Record<AccountField, string>> = {}
  if (mode === 'create') {
    const username = values.username?.trim() ?? ''
    if (username === '') problems.username = '请填写用户名'
    else if (!USERNAME_PATTERN.test(username)) problems.username = '用户名为 3 至 32 位小写字母、数字或连字符，以字母开头，如 reviewer-zhang'
  }
  const name = values.name?.trim() ?? ''
  if (name === '') problems.name = '请填写工作人员姓名'
  else if (name.length < 2 || name.length > 20) problems.name = '姓名为 2 至 20 个字'
  const roles = values.roles ?? []
  if (roles.length === 0) problems.roles = '请至少选择一个角色'
  const districtRoles = labelsOf(roles, 'district')
  if (districtRoles.length > 0 && (values.district === undefined || !DISTRICTS.includes(values.district))) {
    problems.district = `${districtRoles.join('、')}须选择所在区县`
  }
  const bureauRoles = labelsOf(roles, 'bureau')
  if (bureauRoles.length > 0 && (values.bureau === undefined || !(BUREAUS as readonly string[]).includes(values.bureau))) {
    problems.bureau = `${bureauRoles.join('、')}须选择所属局委`
  }
  return problems
}

/** The body of `POST /staff/accounts`: a district or bureau only where a role needs it. */
export function newAccountBody(values: AccountFormValues): NewAccount {
  const roles = values.roles ?? []
  const needs = scopesNeeded(roles)
  return {
    username: (values.username ?? '').trim().toLowerCase(),
    name: (values.name ?? '').trim(),
    roles,
    ...(needs.district && values.district ? { district: values.district } : {}),
    ...(needs.bureau && values.bureau ? { bureau: values.bureau } : {}),
  }
}

/** The body of `PATCH /staff/accounts/:username` (the server drops a scope no role needs). */
export function accountPatchBody(values: AccountFormValues): AccountPatch {
  const roles = values.roles ?? []
  const needs = scopesNeeded(roles)
  return {
    name: (values.name ?? '').trim(),
    roles,
    ...(needs.district && values.district ? { district: values.district } : {}),
    ...(needs.bureau && values.bureau ? { bureau: values.bureau } : {}),
  }
}
