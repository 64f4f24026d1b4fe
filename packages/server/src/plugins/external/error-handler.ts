/**
 * The one error handler: every failure leaves as `{error: {code, message, field?}}` with the
 * status design.md gives it. Messages are Chinese and tell the applicant what to do; internal
 * details are logged, never sent.
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import { AppError } from '../../errors'

interface Mapped {
  status: number
  code: string
  message: string
  field?: string
  extra?: Record<string, unknown>
}

/** Fastify's own validation errors name the field by JSON pointer: '/facts/x' → 'facts.x'. */
function validationField(error: FastifyError): string | undefined {
  const first = error.validation?.[0]
  if (first === undefined) return undefined
  const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.')
  return [path, missing].filter((part) => part !== undefined && part !== '').join('.') || undefined
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
    return { status: 422, code: 'VALIDATION', message: '提交的内容格式不正确，请检查后重试。', field: validationField(error) }
  }
  const known = error.code === undefined ? undefined : FRAMEWORK_ERRORS[error.code]
  if (known !== undefined) return known
  const status = error.statusCode ?? 500
  if (status === 429) return { status, code: 'RATE_LIMITED', message: '操作太频繁了，请稍等一分钟再试。' }
  if (status >= 400 && status < 500) return { status, code: 'BAD_REQUEST', message: '请求无法处理，请刷新后重试。' }
  return { status: 500, code: 'INTERNAL', message: '服务器开小差了，请稍后再试，已填写的信息不会丢失。' }
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const mapped = map(error)
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed')
    const field = mapped.field === undefined ? {} : { field: mapped.field }
    void reply.status(mapped.status).send({ error: { code: mapped.code, message: mapped.message, ...field }, ...mapped.extra })
  })
}

export function notFoundBody() {
  return { error: { code: 'NOT_FOUND', message: '没有找到相应的内容。' } }
}
