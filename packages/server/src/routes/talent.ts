/**
 * The talent's routes under /talent (applicant session), the public service catalogue, and the
 * public news feed of the mini-program's home page (GET /news).
 */
import type { FastifyInstance } from 'fastify'
import { isUniqueViolation } from '../db/errors'
import { applicantOf } from '../plugins/app/auth'

const objectBody = { type: 'object' } as const

export default async function talentRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app
  const talent = app.services.talent

  if (!ctx.config.production) {
    await talent.news.seedDevelopment().catch((error: unknown) => {
      // Two instances starting together on an empty database: the other one seeded it.
      if (!isUniqueViolation(error)) throw error
    })
  }

  app.get('/news', async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=60')
    return talent.news.list()
  })

  app.get('/talent/services', async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=3600')
    return talent.applicant.services()
  })

  await app.register(async (own) => {
    own.addHook('onRequest', app.requireApplicant)

    own.post(
      '/talent/verification',
      { schema: { body: objectBody }, config: { rateLimitPerMinute: ctx.config.rateLimit.authPerMinute } },
      async (request) => talent.applicant.verify(applicantOf(request), request.body as Record<string, unknown>),
    )

    own.get('/talent/me', async (request) => talent.applicant.me(applicantOf(request)))

    own.get('/talent/requests', async (request) => talent.applicant.list(applicantOf(request)))

    own.post('/talent/requests', { schema: { body: objectBody } }, async (request) => {
      const header = request.headers['idempotency-key']
      return talent.applicant.file(applicantOf(request), request.body as Record<string, unknown>, typeof header === 'string' ? header : undefined)
    })

    own.post<{ Params: { id: string } }>('/talent/requests/:id/cancel', async (request) =>
      talent.applicant.cancel(applicantOf(request), request.params.id),
    )

    own.post<{ Params: { id: string } }>('/talent/requests/:id/rating', { schema: { body: objectBody } }, async (request) =>
      talent.applicant.rate(applicantOf(request), request.params.id, request.body as Record<string, unknown>),
    )
  })
}
