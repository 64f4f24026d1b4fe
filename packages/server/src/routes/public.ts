/** Routes anyone may call: sessions and offices. */
import {
  COMPLAINT_PHONE,
  DISTRICTS,
  housingSubsidyOffice,
  SOCIAL_INSURANCE_BRANCHES,
  TALENT_WINDOWS,
} from '@zhihui/core'
import type { FastifyInstance } from 'fastify'

const objectBody = { type: 'object' } as const

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
    { schema: { body: objectBody }, config: { rateLimitPerMinute: ctx.config.rateLimit.authPerMinute } },
    async (request) => services.sessions.open(request.body as Record<string, unknown>),
  )

  app.get('/offices', async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=3600')
    return offices
  })
}
