/**
 * The subsidy's applications in the back office (docs/staff-api.md): the 工作台, the queue, one
 * application, its watermarked photos, the audited reveal of a number, decisions, objections and
 * the rejection catalogue. Roles are checked here by staffGuard; the bureau and district scope in
 * the service (another bureau: 403; an application outside the district: 404).
 */
import { DOCUMENT_REASONS, FIELD_REASONS, SUBSIDY_READERS } from '@zhihui/core'
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'

const objectBody = { type: 'object' } as const
type WithNo = { Params: { no: string } }
type Body = Record<string, unknown>

export default async function staffApplicationRoutes(app: FastifyInstance): Promise<void> {
  const { staffReview } = app.services
  const readers = app.staffGuard(SUBSIDY_READERS)
  const reviewers = app.staffGuard(['reviewer'])
  const revealers = app.staffGuard(['reviewer', 'payments'])

  app.get('/staff/overview', { onRequest: readers }, async (request) => staffReview.overview(staffOf(request)))

  app.get('/staff/applications', { onRequest: readers }, async (request) =>
    staffReview.queue(staffOf(request), request.query as Record<string, unknown>),
  )

  app.get<WithNo>('/staff/applications/:no', { onRequest: readers }, async (request) =>
    staffReview.detail(staffOf(request), request.params.no, request.ip),
  )

  app.get<{ Params: { no: string; photoId: string } }>('/staff/applications/:no/photos/:photoId', { onRequest: readers }, async (request, reply) => {
    const image = await staffReview.photo(staffOf(request), request.params.no, request.params.photoId, request.ip)
    return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(image)
  })

  app.post<WithNo>('/staff/applications/:no/reveal', { onRequest: revealers, schema: { body: objectBody } }, async (request, reply) => {
    const revealed = await staffReview.reveal(staffOf(request), request.params.no, request.body as Body, request.ip)
    // An unmasked number must not stay in any cache.
    return reply.header('cache-control', 'private, no-store').send(revealed)
  })

  app.post<WithNo>('/staff/applications/:no/decision', { onRequest: reviewers, schema: { body: objectBody } }, async (request) =>
    staffReview.decide(staffOf(request), request.params.no, request.body as Body, request.ip),
  )

  app.post<WithNo>('/staff/applications/:no/objection', { onRequest: reviewers, schema: { body: objectBody } }, async (request) =>
    staffReview.object(staffOf(request), request.params.no, request.body as Body, request.ip),
  )

  app.get('/staff/rejection-reasons', { onRequest: reviewers }, async () => ({ documents: DOCUMENT_REASONS, fields: FIELD_REASONS }))
}
