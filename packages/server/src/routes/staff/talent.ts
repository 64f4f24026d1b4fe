/**
 * The staff's talent-service routes (design.md, "High-level talent services"): the three layers'
 * request lists, the live stream, the talent's photo, the service staff's confirm / arrange /
 * done, the bureau's answer to a complaint, statistics, and news. Roles are enforced here; the
 * bureau scope (404 outside it) in the service.
 */
import type { StaffRole } from '@zhihui/core'
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { errorResponses, fileResponse, params, query, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'
import { arrangeBody, complaintAnswerBody, newsBody, newsList, staffRequestAnswer, statsAnswer } from '../../schemas/talent'
import { paged } from '../../schemas/staff'
import { registerTalentStream } from './talent-stream'

const READERS: readonly StaffRole[] = ['service-staff', 'bureau', 'leader']
const tags = ['staff', 'talent']
const byId = params('id')

/** A service staff member's step on one request: `{request}`; 409 out of order, 404 outside the bureau. */
const stepSchema = (summary: string, body?: object) => ({
  tags,
  summary,
  security: STAFF_CHANGE,
  params: byId,
  ...(body !== undefined ? { body } : {}),
  response: { 200: staffRequestAnswer, ...errorResponses(401, 403, 404, 409, ...(body !== undefined ? [422] : [])) },
})

export default async function staffTalentRoutes(app: FastifyInstance): Promise<void> {
  const { staff: talentStaff, news } = app.services.talent
  const query_ = (request: { query: unknown }) => request.query as Record<string, unknown>

  const listSchema = {
    tags,
    summary: '人才服务请求列表（服务人员、业务局委：本局；市领导：全部，不含个人号码）',
    security: STAFF_READ,
    querystring: query({
      status: '请求状态',
      bureau: '局委（市领导可筛选）',
      overdue: '1：只看超期未确认',
      page: '页码（从 1 开始）',
      pageSize: '每页条数',
    }),
    response: { 200: paged({ $ref: 'StaffTalentRequest#' }, '服务请求（分页）'), ...errorResponses(401, 403, 422) },
  }
  app.get('/staff/talent/requests', { onRequest: app.staffGuard(READERS), schema: listSchema }, async (request) =>
    talentStaff.list(staffOf(request), query_(request)),
  )

  const detailSchema = {
    tags,
    summary: '一个服务请求',
    security: STAFF_READ,
    params: byId,
    response: { 200: staffRequestAnswer, ...errorResponses(401, 403, 404) },
  }
  app.get<{ Params: { id: string } }>('/staff/talent/requests/:id', { onRequest: app.staffGuard(READERS), schema: detailSchema }, async (request) =>
    talentStaff.detail(staffOf(request), request.params.id),
  )

  app.post<{ Params: { id: string } }>(
    '/staff/talent/requests/:id/confirm',
    { onRequest: app.staffGuard(['service-staff']), schema: stepSchema('确认受理服务请求（短信告知人才）') },
    async (request) => talentStaff.confirm(staffOf(request), request.params.id, request.ip),
  )

  app.post<{ Params: { id: string } }>(
    '/staff/talent/requests/:id/arrange',
    { onRequest: app.staffGuard(['service-staff']), schema: stepSchema('安排服务：时间、地点、联系人（短信告知人才）', arrangeBody) },
    async (request) => talentStaff.arrange(staffOf(request), request.params.id, request.body as Record<string, unknown>, request.ip),
  )

  app.post<{ Params: { id: string } }>(
    '/staff/talent/requests/:id/done',
    { onRequest: app.staffGuard(['service-staff']), schema: stepSchema('服务完成（请人才评价）') },
    async (request) => talentStaff.done(staffOf(request), request.params.id, request.ip),
  )

  app.post<{ Params: { id: string } }>(
    '/staff/talent/requests/:id/complaint-answer',
    { onRequest: app.staffGuard(['bureau']), schema: stepSchema('业务局委答复投诉或差评', complaintAnswerBody) },
    async (request) => talentStaff.answer(staffOf(request), request.params.id, request.body as Record<string, unknown>, request.ip),
  )

  const photoSchema = {
    tags,
    summary: '人才照片（记入审计日志）',
    security: STAFF_READ,
    params: params('talentId'),
    response: { 200: fileResponse('照片：PNG（生成的头像）或 JPEG（登记照片）', 'image/png', 'image/jpeg'), ...errorResponses(401, 403, 404) },
  }
  app.get<{ Params: { talentId: string } }>(
    '/staff/talent/photos/:talentId',
    { onRequest: app.staffGuard(['service-staff', 'bureau']), schema: photoSchema },
    async (request, reply) => {
      const photo = await talentStaff.photo(staffOf(request), request.params.talentId, request.ip)
      return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
    },
  )

  const statsSchema = {
    tags,
    summary: '服务质量统计（默认最近 12 个月）：各局委与按月趋势',
    security: STAFF_READ,
    querystring: query({ from: '开始日期 YYYY-MM-DD', to: '结束日期 YYYY-MM-DD' }),
    response: { 200: statsAnswer, ...errorResponses(401, 403, 422) },
  }
  app.get('/staff/talent/stats', { onRequest: app.staffGuard(['bureau', 'leader']), schema: statsSchema }, async (request) =>
    talentStaff.stats(staffOf(request), query_(request)),
  )

  const newsSchema = { tags, summary: '已发布的资讯', security: STAFF_READ, response: { 200: newsList, ...errorResponses(401, 403) } }
  app.get('/staff/news', { onRequest: app.staffGuard(READERS), schema: newsSchema }, async () => news.list())

  const publishSchema = {
    tags,
    summary: '发布资讯（业务局委；标题 ≤ 60 字，正文 ≤ 2000 字）',
    security: STAFF_CHANGE,
    body: newsBody,
    response: {
      200: { type: 'object', required: ['item'], properties: { item: { $ref: 'NewsItem#' } } },
      ...errorResponses(401, 403, 422),
    },
  }
  app.post('/staff/news', { onRequest: app.staffGuard(['bureau']), schema: publishSchema }, async (request) =>
    news.publish(staffOf(request), request.body as Record<string, unknown>, request.ip),
  )

  registerTalentStream(app)
}
