/** The signed-in staff member: sign in and out, who am I, password and TOTP enrolment. */
import type { StaffIdentity, StaffSessionResponse } from '@zhihui/core'
import { isApiError, request } from './client'

export interface SignInBody {
  username: string
  password: string
  totp?: string
}

export const signIn = (body: SignInBody): Promise<StaffSessionResponse> =>
  request<StaffSessionResponse>('/session', { method: 'POST', body, redirectOn401: false })

/** Who is signed in; a 401 sends the page to sign-in (unless `quiet`, which answers null). */
export async function getSession(opts: { quiet?: boolean } = {}): Promise<StaffIdentity | null> {
  try {
    const { staff } = await request<StaffSessionResponse>('/session', { redirectOn401: !opts.quiet })
    return staff
  } catch (error) {
    if (opts.quiet && isApiError(error) && error.status === 401) return null
    throw error
  }
}

export const signOut = (): Promise<void> => request<void>('/session', { method: 'DELETE', redirectOn401: false })

export const changePassword = (body: { current: string; next: string }): Promise<StaffSessionResponse> =>
  request<StaffSessionResponse>('/session/password', { method: 'POST', body })

export interface TotpEnrolment {
  secret: string
  otpauthUrl: string
}

/** Step one of enrolment: the server makes a secret and keeps it pending. */
export const startTotp = (): Promise<TotpEnrolment> => request<TotpEnrolment>('/session/totp', { method: 'POST', body: {} })

/** Step two: a code from the authenticator app confirms the pending secret. */
export const confirmTotp = (code: string): Promise<StaffSessionResponse> =>
  request<StaffSessionResponse>('/session/totp', { method: 'POST', body: { code } })
