/**
 * The token every applicant call carries. Logging in happens on first need, once at a time: pages
 * that load together share one login instead of racing several.
 */
import { platformLoginCode } from '@/platform/login'
import { useSessionStore } from '@/stores/session'
import { ApiError } from './api-error'
import { createSession } from './sessions'

let inFlight: Promise<string> | undefined

export function ensureToken(): Promise<string> {
  const token = useSessionStore.getState().token
  if (token) return Promise.resolve(token)
  inFlight ??= login().finally(() => {
    inFlight = undefined
  })
  return inFlight
}

/** Forgets the token (the server no longer knows it) so the next call logs in again. */
export function dropToken(): void {
  useSessionStore.getState().clear()
}

async function login(): Promise<string> {
  let code
  try {
    code = await platformLoginCode()
  } catch {
    throw new ApiError({ status: 0, code: 'LOGIN_FAILED', message: '登录失败，请稍后重试。' })
  }
  const { token } = await createSession(code)
  useSessionStore.getState().setToken(token)
  return token
}
