/**
 * The talent's routes under /talent (applicant session), the public service catalogue, and the
 * public news feed of the mini-program's home page (GET /news).
 */
import type { FastifyInstance } from 'fastify'
import { isUniqueViolation } from '../db/errors'
import { applicantOf } from '../plugins/app/auth'
import { APPLICANT_ACCESS, errorResponses, idempotencyHeaders, params, PUBLIC_ACCESS } from '../schemas/common'
import { filedAnswer, newsList, ratedAnswer, ratingBody, servicesAnswer, talentRequestBody, verificationBody } from '../schemas/talent'

const tags = ['talent']
const security = APPLICANT_ACCESS
const profile = { $ref: 'TalentProfile#' }

export default async function talentRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app
  const talent = app.services.talent

  if (!ctx.config.production) {
    await talent.news.seedDevelopment().catch((error: unknown) => {
      // Two instances starting together on an empty database: the other one seeded it.
      if (!isUniqueViolation(error)) throw error
    })
  }

  const newsSchema = { tags: ['public'], summary: '首页资讯（最新 20 条）', security: PUBLIC_ACCESS, response: { 200: newsList } }
  app.get('/news', { schema: newsSchema }, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=60')
    return talent.news.list()
  })

  const servicesSchema = { tags: ['talent', 'public'], summary: '人才服务目录', security: PUBLIC_ACCESS, response: { 200: servicesAnswer } }
  app.get('/talent/services', { schema: servicesSchema }, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=3600')
    return talent.applicant.services()
  })

  await app.register(async (own) => {
    own.addHook('onRequest', app.requireApplicant)

    const verifySchema = {
      tags,
      summary: '核验高层次人才身份（与人才库核对）',
      description: '人才库中没有时 422 TALENT_NOT_FOUND，答复另附 office: {name, phone}（市人才服务窗口）。',
      security,
      body: verificationBody,
      response: { 200: profile, ...errorResponses(401, 409, 422, 429) },
    }
    own.post(
      '/talent/verification',
      { schema: verifySchema, config: { rateLimitPerMinute: ctx.config.rateLimit.authPerMinute } },
      async (request) => talent.applicant.verify(applicantOf(request), request.body as Record<string, unknown>),
    )

    const meSchema = { tags, summary: '我的人才身份（核验前 404）', security, response: { 200: profile, ...errorResponses(401, 404) } }
    own.get('/talent/me', { schema: meSchema }, async (request) => talent.applicant.me(applicantOf(request)))

    const listSchema = {
      tags,
      summary: '我的服务请求：进度、联系人、安排、评价与投诉答复',
      security,
      response: {
        200: { type: 'object', required: ['requests'], properties: { requests: { type: 'array', items: { $ref: 'TalentRequestView#' } } } },
        ...errorResponses(401),
      },
    }
    own.get('/talent/requests', { schema: listSchema }, async (request) => talent.applicant.list(applicantOf(request)))

    const fileSchema = {
      tags,
      summary: '提出服务请求（Idempotency-Key：同一个键只受理一次）',
      security,
      headers: idempotencyHeaders,
      body: talentRequestBody,
      response: { 200: filedAnswer, ...errorResponses(401, 403, 409, 422) },
    }
    own.post('/talent/requests', { schema: fileSchema }, async (request) => {
      const header = request.headers['idempotency-key']
      return talent.applicant.file(applicantOf(request), request.body as Record<string, unknown>, typeof header === 'string' ? header : undefined)
    })

    const cancelSchema = {
      tags,
      summary: '取消服务请求（仅未受理时）',
      security,
      params: params('id'),
      response: { 200: filedAnswer, ...errorResponses(401, 404, 409) },
    }
    own.post<{ Params: { id: string } }>('/talent/requests/:id/cancel', { schema: cancelSchema }, async (request) =>
      talent.applicant.cancel(applicantOf(request), request.params.id),
    )

    const rateSchema = {
      tags,
      summary: '评价服务（1–5 级），可附评价与投诉',
      security,
      params: params('id'),
      body: ratingBody,
      response: { 200: ratedAnswer, ...errorResponses(401, 404, 409, 422) },
    }
    own.post<{ Params: { id: string } }>('/talent/requests/:id/rating', { schema: rateSchema }, async (request) =>
      talent.applicant.rate(applicantOf(request), request.params.id, request.body as Record<string, unknown>),
    )
  })
}
