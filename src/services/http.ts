/**
 * Calls on behalf of the applicant: the Bearer token is added, and a 401 (the token expired or
 * the server forgot it) logs in again and repeats the call once.
 */
import { ensureToken, dropToken } from './auth'
import { ApiError } from './api-error'
import { send, upload, type HttpMethod, type UploadOptions } from './transport'

export interface CallOptions {
  data?: unknown
  header?: Record<string, string>
}

export async function call<T>(method: HttpMethod, path: string, options: CallOptions = {}): Promise<T> {
  return withRelogin((token) =>
    send<T>({ method, path, data: options.data, header: { ...options.header, Authorization: `Bearer ${token}` } }),
  )
}

export async function callUpload<T>(options: UploadOptions): Promise<T> {
  return withRelogin((token) => upload<T>({ ...options, header: { ...options.header, Authorization: `Bearer ${token}` } }))
}

async function withRelogin<T>(attempt: (token: string) => Promise<T>): Promise<T> {
  const token = await ensureToken()
  try {
    return await attempt(token)
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error
    dropToken()
    return attempt(await ensureToken())
  }
}
