/**
 * The one error handler: every failure leaves as `{error: {code, message, field?}}` with the
 * status design.md gives it. Messages are Chinese and tell the applicant what to do; internal
 * details are logged, never sent.
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import { isDatabaseUnavailable } from '../../db/errors'
import { StorageUnavailableError } from '../../storage/photo-storage'
import { AppError } from '../../errors'

interface Mapped {
  status: number
  code: string
  message: string
  field?: string
  extra?: Record<string, unknown>
  /** Seconds for a Retry-After header. */
  retryAfter?: number
}

/**
 * How long a client is asked to wait while the database cannot be reached: about what a
 * PostgreSQL restart or a failover takes; the app's retry button and the balancer do the rest.
 */
export const UNAVAILABLE_RETRY_AFTER_S = 5

export const UNAVAILABLE = { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } as const

/** Fastify's own validation errors name the field by JSON pointer: '/facts/x' → 'facts.x'. */
function validationField(error: FastifyError): string | undefined {
  const first = error.validation?.[0]
  if (first === undefined) return undefined
  const params = first.params as { missingProperty?: string; additionalProperty?: string } | undefined
  const child = params?.missingProperty ?? params?.additionalProperty
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.')
  return [path, child].filter((part) => part !== undefined && part !== '').join('.') || undefined
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是或否（true 或 false）',
  object: '对象',
  array: '列表',
  null: '空值',
}

/**
 * The Chinese message of a request that failed its route's schema (design.md, "House style":
 * schema-first validation): it names the field, like core's own messages do. The schemas declare
 * types and limits only; the rules themselves (an ID number's check digit, a month's range) stay
 * core's, which answers with its own, more precise message.
 */
export function validationMessage(error: FastifyError, field: string | undefined): string {
  const first = error.validation?.[0]
  if (first === undefined || field === undefined) return '提交的内容格式不正确，请检查后重试。'
  const params = (first.params ?? {}) as { type?: string | string[]; limit?: number; allowedValues?: unknown[] }
  const name = `「${field}」`
  switch (first.keyword) {
    case 'required':
      return `请填写${name}。`
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type ?? '').split(',')).map((t) => TYPE_NAMES[t] ?? t)
      return `${name}应为${types.join('或')}，请检查后重试。`
    }
    case 'maxLength':
      return `${name}太长了，最多 ${params.limit} 个字。`
    case 'minLength':
      return `${name}不能为空。`
    case 'maxItems':
      return `${name}最多 ${params.limit} 项。`
    case 'minItems':
      return `${name}至少 ${params.limit} 项。`
    case 'enum':
    case 'const':
      return `${name}的取值不正确${params.allowedValues !== undefined ? `，应为以下之一：${params.allowedValues.join('、')}` : ''}。`
    case 'additionalProperties':
      return `不认识的字段${name}，请刷新后重试。`
    default:
      return `${name}的格式不正确，请检查后重试。`
  }
}

const FRAMEWORK_ERRORS: Record<string, Omit<Mapped, 'field'>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'TOO_LARGE', message: '提交的内容太大了。' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'TOO_LARGE', message: '照片不能超过 5 MB，请压缩或重新拍摄后再上传。' },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_LARGE', message: '一次只能上传一张照片。' },
  FST_PARTS_LIMIT: { status: 413, code: 'TOO_LARGE', message: '一次只能上传一张照片和它的证件类型。' },
  FST_FIELDS_LIMIT: { status: 413, code: 'TOO_LARGE', message: '一次只能上传一张照片和它的证件类型。' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求的内容类型不受支持。' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '照片请以 multipart/form-data 上传（字段 kind 和 file）。',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'BAD_REQUEST', message: '提交的内容不是有效的 JSON，请刷新后重试。' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'BAD_REQUEST', message: '提交的内容为空，请刷新后重试。' },
}

function map(error: FastifyError | AppError): Mapped {
  if (error instanceof AppError) {
    return { status: error.statusCode, code: error.code, message: error.message, field: error.field, extra: error.extra }
  }
  if (error.validation !== undefined) {
    const field = validationField(error)
    return { status: 422, code: 'VALIDATION', message: validationMessage(error, field), field }
  }
  const known = error.code === undefined ? undefined : FRAMEWORK_ERRORS[error.code]
  if (known !== undefined) return known
  // The database (or a connection to it) is away: not the request's fault nor a bug, and it passes.
  // So is the photo store (storage/photo-storage.ts).
  if (isDatabaseUnavailable(error) || error instanceof StorageUnavailableError) return { status: 503, ...UNAVAILABLE, retryAfter: UNAVAILABLE_RETRY_AFTER_S }
  const status = error.statusCode ?? 500
  if (status === 429) return { status, code: 'RATE_LIMITED', message: '操作太频繁了，请稍等一分钟再试。' }
  if (status >= 400 && status < 500) return { status, code: 'BAD_REQUEST', message: '请求无法处理，请刷新后重试。' }
  return { status: 500, code: 'INTERNAL', message: '服务器开小差了，请稍后再试，已填写的信息不会丢失。' }
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const mapped = map(error)
    if (mapped.code === UNAVAILABLE.code && !(error instanceof AppError)) {
      // During an outage every request lands here: one line each, without the stack.
      const { code, message } = error as { code?: unknown; message?: unknown }
      request.log.warn({ reason: { code, message } }, 'request failed: database or photo store unavailable, answered 503')
    } else if (mapped.status >= 500) {
      request.log.error({ err: error }, 'request failed')
    }
    if (mapped.retryAfter !== undefined) void reply.header('retry-after', String(mapped.retryAfter))
    const field = mapped.field === undefined ? {} : { field: mapped.field }
    void reply.status(mapped.status).send({ error: { code: mapped.code, message: mapped.message, ...field }, ...mapped.extra })
  })
}

export function notFoundBody() {
  return { error: { code: 'NOT_FOUND', message: '没有找到相应的内容。' } }
}
