/**
 * Outbound messages in the console: the list (failed ones first of all) and the retry of one that
 * failed for good. Admins (a provider's credentials or template are theirs to fix) and the HR
 * bureau's supervisor; the service refuses other bureaus.
 */
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { errorResponses, int, isoTime, nullableStr, params, query, str, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'

const tags = ['staff']

const messageSchema = {
  type: 'object',
  required: ['id', 'channel', 'recipient', 'kind', 'status', 'attempts', 'lastError', 'applicationNo', 'provider', 'createdAt', 'sentAt', 'nextAttemptAt'],
  properties: {
    id: str,
    channel: { type: 'string', enum: ['sms', 'wechat', 'alipay'], description: '短信、微信订阅消息或支付宝模板消息' },
    recipient: { type: 'string', description: '收件人（已脱敏：手机号 138****1234）' },
    kind: { type: 'string', description: '消息类型：rejection、notice、objection、payment、stop、resume、talent-request、talent-answer' },
    status: { type: 'string', enum: ['pending', 'sending', 'sent', 'failed'] },
    attempts: int,
    lastError: nullableStr,
    applicationNo: nullableStr,
    provider: nullableStr,
    createdAt: isoTime,
    sentAt: nullableStr,
    nextAttemptAt: nullableStr,
  },
} as const

export default async function staffMessageRoutes(app: FastifyInstance): Promise<void> {
  const messages = app.services.messages
  const guard = app.staffGuard(['admin', 'bureau'])

  const listSchema = {
    tags,
    summary: '外发消息（短信、订阅消息）列表，可按状态筛选（管理员、人社局监管）',
    security: STAFF_READ,
    querystring: query({ status: 'pending、sending、sent 或 failed', page: '页码，从 1 开始', pageSize: '每页条数，最多 100' }),
    response: {
      200: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize'],
        properties: { items: { type: 'array', items: messageSchema }, total: int, page: int, pageSize: int },
      },
      ...errorResponses(401, 403, 422),
    },
  }
  app.get('/staff/messages', { onRequest: guard, schema: listSchema }, async (request) =>
    messages.list(staffOf(request), request.query as Record<string, unknown>),
  )

  const retrySchema = {
    tags,
    summary: '重发一条发送失败的消息（管理员、人社局监管；记入审计日志）',
    security: STAFF_CHANGE,
    params: params('id'),
    body: { type: 'object', additionalProperties: false, properties: {} },
    response: { 200: { type: 'object', required: ['message'], properties: { message: messageSchema } }, ...errorResponses(401, 403, 404, 409) },
  }
  app.post<{ Params: { id: string } }>('/staff/messages/:id/retry', { onRequest: guard, schema: retrySchema }, async (request) =>
    messages.retry(staffOf(request), request.params.id, request.ip),
  )
}
