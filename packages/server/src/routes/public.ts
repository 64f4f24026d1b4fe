/** Routes anyone may call: sessions and offices. */
import {
  COMPLAINT_PHONE,
  DISTRICTS,
  housingSubsidyOffice,
  SOCIAL_INSURANCE_BRANCHES,
  TALENT_WINDOWS,
} from '@zhihui/core'
import type { FastifyInstance } from 'fastify'
import { sessionBody } from '../schemas/application'
import { errorResponses, PUBLIC_ACCESS, str } from '../schemas/common'

const officesAnswer = {
  type: 'object',
  required: ['talentWindows', 'socialInsuranceBranches', 'complaintPhone', 'housingSubsidyOffices'],
  properties: {
    talentWindows: { type: 'array', items: { $ref: 'TalentWindow#' } },
    socialInsuranceBranches: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'district', 'addresses', 'phones'],
        properties: { name: str, district: str, addresses: { type: 'array', items: str }, phones: { type: 'array', items: str } },
      },
    },
    complaintPhone: { type: 'string', description: '投诉电话' },
    housingSubsidyOffices: {
      type: 'array',
      description: '各区县（市）住房补贴的受理部门',
      items: {
        type: 'object',
        required: ['district', 'office'],
        properties: { district: str, office: { type: 'object', description: '受理部门（名称，及地址、电话等）', required: ['name'], properties: { name: str }, additionalProperties: true } },
      },
    },
  },
} as const

export default async function publicRoutes(app: FastifyInstance): Promise<void> {
  const { services, ctx } = app
  const offices = {
    talentWindows: TALENT_WINDOWS,
    socialInsuranceBranches: SOCIAL_INSURANCE_BRANCHES,
    complaintPhone: COMPLAINT_PHONE,
    housingSubsidyOffices: DISTRICTS.map((district) => ({ district, office: housingSubsidyOffice(district) })),
  }

  app.post(
    '/sessions',
    {
      schema: {
        tags: ['public'],
        summary: '小程序登录，换取申请人会话令牌',
        security: PUBLIC_ACCESS,
        body: sessionBody,
        response: {
          200: { type: 'object', required: ['token'], properties: { token: { type: 'string', description: 'Bearer 令牌' } } },
          ...errorResponses(400, 422, 429, 503),
        },
      },
      config: { rateLimitPerMinute: ctx.config.rateLimit.authPerMinute },
    },
    async (request) => services.sessions.open(request.body as Record<string, unknown>),
  )

  const officesSchema = { tags: ['public'], summary: '人才服务窗口、社保分局、投诉电话与住房补贴受理部门', security: PUBLIC_ACCESS, response: { 200: officesAnswer } }
  app.get('/offices', { schema: officesSchema }, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=3600')
    return offices
  })
}
