/**
 * The subsidy's applications in the back office (docs/staff-api.md): the 工作台, the queue, one
 * application, its watermarked photos, the audited reveal of a number, decisions, objections and
 * the rejection catalogue. Roles are checked here by staffGuard; the bureau and district scope in
 * the service (another bureau: 403; an application outside the district: 404).
 */
import { DOCUMENT_REASONS, FIELD_REASONS, SUBSIDY_READERS } from '@zhihui/core'
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { errorResponses, fileResponse, params, query, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'
import { decisionBody, objectionBody, paged, revealBody, StaffOverviewSchema } from '../../schemas/staff'

type WithNo = { Params: { no: string } }
type Body = Record<string, unknown>
const tags = ['staff']
const moved = { $ref: 'ApplicationMoved#' }

const reasonTemplates = {
  type: 'array',
  items: { type: 'object', description: '退回原因的代码与中文说明', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
} as const

export default async function staffApplicationRoutes(app: FastifyInstance): Promise<void> {
  const { staffReview } = app.services
  const readers = app.staffGuard(SUBSIDY_READERS)
  const reviewers = app.staffGuard(['reviewer'])
  const revealers = app.staffGuard(['reviewer', 'payments'])

  const overviewSchema = { tags, summary: '工作台：各状态数量、待我处理、超期未审', security: STAFF_READ, response: { 200: StaffOverviewSchema, ...errorResponses(401, 403) } }
  app.get('/staff/overview', { onRequest: readers, schema: overviewSchema }, async (request) => staffReview.overview(staffOf(request)))

  const queueSchema = {
    tags,
    summary: '申请队列（按状态、区县、学历、渠道、提交日期、编号或姓名筛选，分页）',
    security: STAFF_READ,
    querystring: query({
      status: '申请状态',
      district: '区县',
      education: '学历',
      channel: 'online 或 window',
      from: '提交日期起 YYYY-MM-DD',
      to: '提交日期止 YYYY-MM-DD',
      q: '申请编号（精确）或姓名（前缀）',
      page: '页码（从 1 开始）',
      pageSize: '每页条数',
    }),
    response: { 200: paged({ $ref: 'StaffQueueItem#' }, '申请队列（分页）'), ...errorResponses(401, 403, 422) },
  }
  app.get('/staff/applications', { onRequest: readers, schema: queueSchema }, async (request) =>
    staffReview.queue(staffOf(request), request.query as Record<string, unknown>),
  )

  const detailSchema = {
    tags,
    summary: '一份申请的详情（记入审计日志）',
    security: STAFF_READ,
    params: params('no'),
    response: { 200: { $ref: 'StaffApplicationDetail#' }, ...errorResponses(401, 403, 404) },
  }
  app.get<WithNo>('/staff/applications/:no', { onRequest: readers, schema: detailSchema }, async (request) =>
    staffReview.detail(staffOf(request), request.params.no, request.ip),
  )

  const photoSchema = {
    tags,
    summary: '查看照片：JPEG，加盖查看人姓名与时间水印（记入审计日志）',
    security: STAFF_READ,
    params: params('no', 'photoId'),
    response: { 200: fileResponse('加水印的照片', 'image/jpeg'), ...errorResponses(401, 403, 404) },
  }
  app.get<{ Params: { no: string; photoId: string } }>(
    '/staff/applications/:no/photos/:photoId',
    { onRequest: readers, schema: photoSchema },
    async (request, reply) => {
      const image = await staffReview.photo(staffOf(request), request.params.no, request.params.photoId, request.ip)
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(image)
    },
  )

  const revealSchema = {
    tags,
    summary: '查看完整的身份证号或社保卡号（记入审计日志）',
    security: STAFF_CHANGE,
    params: params('no'),
    body: revealBody,
    response: {
      200: {
        type: 'object',
        required: ['field', 'value'],
        properties: { field: { type: 'string', description: 'idNumber 或 cardNumber' }, value: { type: 'string', description: '完整号码' } },
      },
      ...errorResponses(401, 403, 404, 422),
    },
  }
  app.post<WithNo>('/staff/applications/:no/reveal', { onRequest: revealers, schema: revealSchema }, async (request, reply) => {
    const revealed = await staffReview.reveal(staffOf(request), request.params.no, request.body as Body, request.ip)
    // An unmasked number must not stay in any cache.
    return reply.header('cache-control', 'private, no-store').send(revealed)
  })

  const decisionSchema = {
    tags,
    summary: '审核决定：通过或退回（version 过期则 409）',
    security: STAFF_CHANGE,
    params: params('no'),
    body: decisionBody,
    response: { 200: moved, ...errorResponses(401, 403, 404, 409, 422) },
  }
  app.post<WithNo>('/staff/applications/:no/decision', { onRequest: reviewers, schema: decisionSchema }, async (request) =>
    staffReview.decide(staffOf(request), request.params.no, request.body as Body, request.ip),
  )

  const objectionSchema = {
    tags,
    summary: '公示期内的异议：重新审核',
    security: STAFF_CHANGE,
    params: params('no'),
    body: objectionBody,
    response: { 200: moved, ...errorResponses(401, 403, 404, 409, 422) },
  }
  app.post<WithNo>('/staff/applications/:no/objection', { onRequest: reviewers, schema: objectionSchema }, async (request) =>
    staffReview.object(staffOf(request), request.params.no, request.body as Body, request.ip),
  )

  const reasonsSchema = {
    tags,
    summary: '退回原因目录（证件类与字段类）',
    security: STAFF_READ,
    response: {
      200: {
        type: 'object',
        required: ['documents', 'fields'],
        properties: {
          documents: { type: 'object', description: '按证件类型（DocumentKind）', additionalProperties: reasonTemplates },
          fields: { ...reasonTemplates, description: '表单字段通用' },
        },
      },
      ...errorResponses(401, 403),
    },
  }
  app.get('/staff/rejection-reasons', { onRequest: reviewers, schema: reasonsSchema }, async () => ({ documents: DOCUMENT_REASONS, fields: FIELD_REASONS }))
}
