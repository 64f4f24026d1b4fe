/**
 * The console's one fetch wrapper. Same origin as the API (served at /admin/), so the staff
 * cookie rides along with `credentials: 'same-origin'`; every request carries the CSRF header the
 * server demands on changes (docs/staff-api.md), GETs too, so no call can forget it. Every
 * failure becomes an ApiError. A 401 means no session (or an expired one): the user is sent to
 * the sign-in page with `?next=` set to the page they were on, and comes back there afterwards.
 * A 403 that asks for a new password or a second factor first sends them to /password likewise.
 */
import { STAFF_SECURITY } from '@zhihui/core'

export const API_BASE = '/api/v1/staff'
/** Where the console is served (vite.config.ts `base`, without the trailing slash). */
export const CONSOLE_BASE = '/admin'
export const SIGN_IN_PATH = '/sign-in'
export const PASSWORD_PATH = '/password'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  /** The error body's other top-level members (`errors`, `mismatch`, `existing`, …). */
  readonly extra?: Readonly<Record<string, unknown>>

  constructor(init: { status: number; code: string; message: string; field?: string; extra?: Record<string, unknown> }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    if (init.field !== undefined) this.field = init.field
    if (init.extra !== undefined) this.extra = init.extra
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试。已填写的内容不会丢失。'

const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录。',
  403: '您的账号没有权限进行此操作。',
  404: '没有找到相关信息，或不在您的管辖范围内。',
  409: '当前状态不能进行此操作，请刷新后查看最新情况。',
  422: '填写的信息有误，请按提示修改。',
  423: '账号已被暂时锁定，请稍后再试。',
  429: '操作太频繁，请稍后再试。',
}

/** Turns a non-2xx answer into an ApiError, reading `{error: {code, message, field?}}`. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined
  const message = typeof error?.message === 'string' && error.message !== '' ? error.message : undefined
  const extra = isRecord(body) ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'error')) : {}
  return new ApiError({
    status,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    message: message ?? STATUS_MESSAGES[status] ?? `服务暂时不可用（${status}），请稍后再试。`,
    ...(typeof error?.field === 'string' ? { field: error.field } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

type Navigate = (to: string) => void

/** Until the router registers itself, a 401 reloads the sign-in page. */
let navigate: Navigate = (to) => window.location.assign(`${CONSOLE_BASE}${to}`)

/** The app hands its router's navigate here, so a 401 moves without reloading. */
export function setNavigator(next: Navigate): void {
  navigate = next
}

/**
 * 401s that answer what was typed (a wrong password or TOTP code), not a missing session: they
 * stay on the page, shown on the form.
 */
const CREDENTIAL_CODES: ReadonlySet<string> = new Set(['INVALID_CREDENTIALS', 'TOTP_REQUIRED', 'TOTP_INVALID'])

/** 403s meaning "set your password / second factor first": the server allows nothing else until then. */
const SETUP_CODES: ReadonlySet<string> = new Set(['PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED'])

/** The console page the browser shows now, without the /admin base: `/applications?status=…`. */
export function currentPage(): string {
  const { pathname, search } = window.location
  const path = pathname.startsWith(`${CONSOLE_BASE}/`) || pathname === CONSOLE_BASE ? pathname.slice(CONSOLE_BASE.length) : pathname
  return `${path === '' ? '/' : path}${search}`
}

/** `/sign-in?next=…`, unless the page is the sign-in page itself. */
export function signInPath(next: string, reason?: 'expired'): string {
  const params = new URLSearchParams()
  if (next !== '/' && !next.startsWith(SIGN_IN_PATH)) params.set('next', next)
  if (reason) params.set('reason', reason)
  const query = params.toString()
  return query === '' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?${query}`
}

/**
 * A `next` taken from the address bar may only lead inside the console: a path starting with
 * one slash (`//evil.example` or `https://…` would leave it).
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  if (next.startsWith(SIGN_IN_PATH)) return fallback
  return next
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** JSON, or FormData for a multipart upload. */
  body?: unknown
  query?: Record<string, string | number | undefined | null>
  /**
   * false: a 401 is only thrown, not redirected (signing in with a wrong password, or asking
   * whether anyone is signed in while on the sign-in page).
   */
  redirectOn401?: boolean
  signal?: AbortSignal
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text === '' ? path : `${path}?${text}`
}

/** Calls `/api/v1/staff<path>` and returns its JSON (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, redirectOn401 = true, signal } = options
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': STAFF_SECURITY.csrfValue }
  // A FormData body (a photo upload) goes as multipart: the browser sets its boundary.
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(withQuery(`${API_BASE}${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: multipart ? body : JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({ status: 0, code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
  }
  const data = await readBody(response)
  if (response.ok) return data as T
  const error = errorFromResponse(response.status, data)
  if (response.status === 401 && redirectOn401 && !CREDENTIAL_CODES.has(error.code)) {
    navigate(signInPath(currentPage(), error.code === 'SESSION_EXPIRED' ? 'expired' : undefined))
  } else if (response.status === 403 && SETUP_CODES.has(error.code) && !currentPage().startsWith(PASSWORD_PATH)) {
    navigate(`${PASSWORD_PATH}?${new URLSearchParams({ next: currentPage() }).toString()}`)
  }
  throw error
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The address of a file the browser downloads itself (xlsx exports): same origin, cookie sent. */
export const fileUrl = (path: string, query?: RequestOptions['query']): string => withQuery(`${API_BASE}${path}`, query)
