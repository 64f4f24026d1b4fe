/**
 * Notice batches (公示): payments officers make them and export the 公示名单; reviewers and the
 * HR bureau's supervisor read them.
 */
import type { StaffRole } from '@zhihui/core'
import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { attachmentHeader, noticeListFileName, XLSX_TYPE } from '../../services/staff/notice-xlsx'
import { requireSubsidyRole } from '../../services/staff/scope'
import { errorResponses, fileResponse, params, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'
import { applicationNosBody } from '../../schemas/staff'

type WithId = { Params: { id: string } }
const tags = ['staff']

const NOTICE_READERS: readonly StaffRole[] = ['payments', 'reviewer', 'bureau']

export default async function staffNoticeRoutes(app: FastifyInstance): Promise<void> {
  const { staffNotices } = app.services
  // A bureau account reads the subsidy's notices only if it is the HR bureau's.
  const readers: onRequestHookHandler[] = [
    app.staffGuard(NOTICE_READERS),
    async (request) => requireSubsidyRole(staffOf(request), NOTICE_READERS),
  ]
  const payments = app.staffGuard(['payments'])

  const listSchema = {
    tags,
    summary: '公示批次列表',
    security: STAFF_READ,
    response: {
      200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: 'NoticeBatch#' } } } },
      ...errorResponses(401, 403),
    },
  }
  app.get('/staff/notices', { onRequest: readers, schema: listSchema }, async () => staffNotices.list())

  const createSchema = {
    tags,
    summary: '新建公示批次（发放专员）',
    security: STAFF_CHANGE,
    body: applicationNosBody,
    response: {
      200: { type: 'object', required: ['batch'], properties: { batch: { $ref: 'NoticeBatch#' } } },
      ...errorResponses(401, 403, 409, 422),
    },
  }
  app.post('/staff/notices', { onRequest: payments, schema: createSchema }, async (request) =>
    staffNotices.create(staffOf(request), request.body as Record<string, unknown>, request.ip),
  )

  const detailSchema = {
    tags,
    summary: '一个公示批次及其公示名单',
    security: STAFF_READ,
    params: params('id'),
    response: { 200: { $ref: 'NoticeBatchDetail#' }, ...errorResponses(401, 403, 404) },
  }
  app.get<WithId>('/staff/notices/:id', { onRequest: readers, schema: detailSchema }, async (request) => staffNotices.detail(request.params.id))

  const startSchema = {
    tags,
    summary: '公示期满，批次中的申请开始发放（发放专员，记入审计日志）',
    security: STAFF_CHANGE,
    params: params('id'),
    body: { type: 'object', additionalProperties: false, properties: {}, description: '空对象：开始发放批次中仍在公示的全部申请' },
    response: {
      200: {
        type: 'object',
        required: ['batch', 'started'],
        properties: { batch: { $ref: 'NoticeBatchDetail#' }, started: { type: 'array', items: { type: 'string' }, description: '开始发放的申请编号' } },
      },
      ...errorResponses(401, 403, 404, 409, 503),
    },
  }
  app.post<WithId>('/staff/notices/:id/start-payments', { onRequest: payments, schema: startSchema }, async (request) =>
    staffNotices.startPayments(staffOf(request), request.params.id, request.ip),
  )

  const exportSchema = {
    tags,
    summary: '导出公示名单 .xlsx（记入审计日志）',
    security: STAFF_READ,
    params: params('id'),
    response: { 200: fileResponse('公示名单', XLSX_TYPE), ...errorResponses(401, 403, 404, 409) },
  }
  app.get<WithId>('/staff/notices/:id/list.xlsx', { onRequest: payments, schema: exportSchema }, async (request, reply) => {
    const { batch, file } = await staffNotices.exportList(staffOf(request), request.params.id, request.ip)
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachmentHeader(noticeListFileName(batch.start, batch.end), `notice-list-${batch.start}-${batch.end}.xlsx`))
      .header('cache-control', 'private, no-store')
      .send(file)
  })
}
