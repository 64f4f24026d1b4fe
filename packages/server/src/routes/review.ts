/**
 * The reviewers' routes (Bearer token from REVIEWER_TOKENS), for scripts. A token acts as a named
 * actor (`reviewer:<hash prefix>`): its decisions, objections, notices and photo views are written
 * to the audit log like a staff member's (no name, no bureau: the HR bureau's supervisor reads them).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { reviewerOf } from '../plugins/app/auth'
import type { ReviewActor } from '../services/review-service'

const objectBody = { type: 'object' } as const

type WithNo = { Params: { no: string } }

const tokenActor = (request: FastifyRequest): ReviewActor => ({ actor: reviewerOf(request), actorName: null, actorBureau: null, ip: request.ip })

export default async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const { services } = app
  app.addHook('onRequest', app.requireReviewer)

  app.get<{ Querystring: { status?: string } }>(
    '/review/applications',
    { schema: { querystring: { type: 'object', properties: { status: { type: 'string' } } } } },
    async (request) => services.review.queue(request.query.status),
  )

  app.get<WithNo>('/review/applications/:no', async (request) => services.review.detail(request.params.no))

  app.get<{ Params: { no: string; photoId: string } }>('/review/applications/:no/photos/:photoId', async (request, reply) => {
    const photo = await services.photos.readForReview(request.params.no, request.params.photoId)
    await services.audit.record({
      ...tokenActor(request),
      action: 'photo-view',
      target: request.params.no,
      detail: { kind: photo.kind, photoId: request.params.photoId },
    })
    return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
  })

  app.post<WithNo>('/review/applications/:no/decision', { schema: { body: objectBody } }, async (request) =>
    services.review.decide(request.params.no, request.body as Record<string, unknown>, tokenActor(request)),
  )

  app.post<WithNo>('/review/applications/:no/objection', { schema: { body: objectBody } }, async (request) =>
    services.review.object(request.params.no, request.body as Record<string, unknown>, tokenActor(request)),
  )

  app.post('/review/notices', { schema: { body: objectBody } }, async (request) => {
    const published = await services.noticesAndPayments.publishNotice(request.body as Record<string, unknown>, reviewerOf(request))
    await services.audit.record({
      ...tokenActor(request),
      action: 'notice-create',
      target: published.batch.id,
      detail: { applicationNos: published.batch.applicationNos },
    })
    return published
  })

  app.post('/review/payments', { schema: { body: objectBody } }, async (request) =>
    services.noticesAndPayments.pay(request.body as Record<string, unknown>, reviewerOf(request)),
  )
}
