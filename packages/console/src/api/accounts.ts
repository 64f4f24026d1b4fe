/** Staff accounts (admin only). */
import type { AccountWithPassword, Bureau, District, StaffAccountView, StaffRole } from '@zhihui/core'
import { request } from './client'

export interface NewAccount {
  username: string
  name: string
  roles: StaffRole[]
  district?: District
  bureau?: Bureau
}

export interface AccountPatch {
  name?: string
  roles?: StaffRole[]
  district?: District | null
  bureau?: Bureau | null
  disabled?: boolean
}

export const listAccounts = (): Promise<{ items: StaffAccountView[] }> => request<{ items: StaffAccountView[] }>('/accounts')

export const createAccount = (body: NewAccount): Promise<AccountWithPassword> =>
  request<AccountWithPassword>('/accounts', { method: 'POST', body })

export const updateAccount = (username: string, patch: AccountPatch): Promise<{ account: StaffAccountView }> =>
  request<{ account: StaffAccountView }>(`/accounts/${encodeURIComponent(username)}`, { method: 'PATCH', body: patch })

export const resetAccount = (username: string): Promise<AccountWithPassword> =>
  request<AccountWithPassword>(`/accounts/${encodeURIComponent(username)}/reset`, { method: 'POST', body: {} })
