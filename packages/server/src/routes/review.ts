/**
 * The reviewers' routes (Bearer token from REVIEWER_TOKENS), for scripts. A token acts as a named
 * actor (`reviewer:<hash prefix>`): its decisions, objections, notices and photo views are written
 * to the audit log like a staff member's (no name, no bureau: the HR bureau's supervisor reads them).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { reviewerOf } from '../plugins/app/auth'
import type { ReviewActor } from '../services/review-service'
import { errorResponses, fileResponse, params, query, REVIEWER_ACCESS } from '../schemas/common'
import { reviewPayAnswer } from '../schemas/payments'
import { noticeAnswer, queueAnswer, reviewDetail } from '../schemas/review'
import { applicationNosBody, decisionBody, objectionBody } from '../schemas/staff'

const tags = ['review']
const security = REVIEWER_ACCESS

type WithNo = { Params: { no: string } }

const tokenActor = (request: FastifyRequest): ReviewActor => ({ actor: reviewerOf(request), actorName: null, actorBureau: null, ip: request.ip })

export default async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const { services } = app
  app.addHook('onRequest', app.requireReviewer)

  app.get<{ Querystring: { status?: string } }>(
    '/review/applications',
    {
      schema: {
        tags,
        summary: '待审队列（默认已提交与审核中），可按状态筛选',
        security,
        querystring: query({ status: '申请状态，如 submitted、under-review、public-notice' }),
        response: { 200: queueAnswer, ...errorResponses(401, 422) },
      },
    },
    async (request) => services.review.queue(request.query.status),
  )

  const detailSchema = { tags, summary: '一份申请：事实、照片、历史', security, params: params('no'), response: { 200: reviewDetail, ...errorResponses(401, 404) } }
  // Once paying, the whole monthly ledger as the applicant reads it (GET /application): the
  // entitlement and every month with its amount or the reason it was suspended, in place of the
  // one-off payments of before monthly payments.
  app.get<WithNo>('/review/applications/:no', { schema: detailSchema }, async (request) => {
    const detail = await services.review.detail(request.params.no)
    const ledger = await services.payments.applicantLedger(request.params.no)
    return ledger === undefined ? detail : { ...detail, ...ledger }
  })

  const photoSchema = {
    tags,
    summary: '查看申请的照片（记入审计日志）',
    security,
    params: params('no', 'photoId'),
    response: { 200: fileResponse('照片', 'image/jpeg', 'image/png'), ...errorResponses(401, 404) },
  }
  app.get<{ Params: { no: string; photoId: string } }>('/review/applications/:no/photos/:photoId', { schema: photoSchema }, async (request, reply) => {
    const photo = await services.photos.readForReview(request.params.no, request.params.photoId)
    await services.audit.record({
      ...tokenActor(request),
      action: 'photo-view',
      target: request.params.no,
      detail: { kind: photo.kind, photoId: request.params.photoId },
    })
    return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
  })

  const moved = { $ref: 'ApplicationMoved#' }
  const decisionSchema = {
    tags,
    summary: '审核决定：通过（进入公示）或退回（附原因）',
    security,
    params: params('no'),
    body: decisionBody,
    response: { 200: moved, ...errorResponses(401, 404, 409, 422) },
  }
  app.post<WithNo>('/review/applications/:no/decision', { schema: decisionSchema }, async (request) =>
    services.review.decide(request.params.no, request.body as Record<string, unknown>, tokenActor(request)),
  )

  const objectionSchema = {
    tags,
    summary: '公示期内的异议：重新审核',
    security,
    params: params('no'),
    body: objectionBody,
    response: { 200: moved, ...errorResponses(401, 404, 409, 422) },
  }
  app.post<WithNo>('/review/applications/:no/objection', { schema: objectionSchema }, async (request) =>
    services.review.object(request.params.no, request.body as Record<string, unknown>, tokenActor(request)),
  )

  const noticeSchema = {
    tags,
    summary: '发布公示批次（自今日起，公示 7 个工作日）',
    security,
    body: applicationNosBody,
    response: { 200: noticeAnswer, ...errorResponses(401, 409, 422) },
  }
  app.post('/review/notices', { schema: noticeSchema }, async (request) => {
    const published = await services.noticesAndPayments.publishNotice(request.body as Record<string, unknown>, reviewerOf(request))
    await services.audit.record({
      ...tokenActor(request),
      action: 'notice-create',
      target: published.batch.id,
      detail: { applicationNos: published.batch.applicationNos },
    })
    return published
  })

  const paySchema = {
    tags,
    summary: '公示结束的申请开始按月发放，并发放本月',
    security,
    body: applicationNosBody,
    response: { 200: reviewPayAnswer, ...errorResponses(401, 409, 422, 503) },
  }
  app.post('/review/payments', { schema: paySchema }, async (request) =>
    services.noticesAndPayments.pay(request.body as Record<string, unknown>, reviewerOf(request)),
  )
}
