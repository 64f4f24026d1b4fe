/**
 * Every failure of the API client is an ApiError: the HTTP status (0 when the network failed), the
 * server's code, a Chinese message the page can show as is, and for validation errors the field
 * (or fields) to mark.
 */
import type { FieldError } from '@zhihui/core'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly errors?: FieldError[]

  constructor(init: { status: number; code: string; message: string; field?: string; errors?: FieldError[] }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    if (init.field !== undefined) this.field = init.field
    if (init.errors !== undefined) this.errors = init.errors
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

/** A 422's problems as a list: the body's `errors`, or else the single `{field, message}` it names. */
export function fieldErrorsOf(error: ApiError): FieldError[] {
  return error.errors ?? [{ field: error.field ?? '', code: error.code, message: error.message }]
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试。已填写的内容不会丢失。'

/** Messages for statuses whose body carries none we can show. */
const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已过期，请重新进入小程序。',
  404: '没有找到相关信息。',
  409: '当前状态不能进行此操作，请刷新后查看最新进度。',
  413: '文件太大，请重新拍摄或选择较小的照片。',
  415: '只能上传 JPG 或 PNG 格式的照片。',
  422: '填写的信息有误，请按提示修改。',
  429: '操作太频繁，请稍后再试。',
}

/** Turns a non-2xx answer into an ApiError, reading the design's `{error: {code, message, field?}}`. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined
  const message = typeof error?.message === 'string' && error.message ? error.message : undefined
  const fieldErrors = readFieldErrors(error?.errors) ?? readFieldErrors(isRecord(body) ? body.errors : undefined)
  return new ApiError({
    status,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    message: message ?? STATUS_MESSAGES[status] ?? `服务暂时不可用（${status}），请稍后再试。`,
    ...(typeof error?.field === 'string' ? { field: error.field } : {}),
    ...(fieldErrors ? { errors: fieldErrors } : {}),
  })
}

function readFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined
  const errors = value.filter(
    (item): item is FieldError =>
      isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string',
  )
  return errors.length > 0 ? errors.map((e) => ({ field: e.field, code: String(e.code ?? ''), message: e.message })) : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
