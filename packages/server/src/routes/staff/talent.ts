/**
 * The staff's talent-service routes (design.md, "High-level talent services"): the three layers'
 * request lists, the live stream, the talent's photo, the service staff's confirm / arrange /
 * done, the bureau's answer to a complaint, statistics, and news. Roles are enforced here; the
 * bureau scope (404 outside it) in the service.
 */
import type { StaffRole } from '@zhihui/core'
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { registerTalentStream } from './talent-stream'

const objectBody = { type: 'object' } as const
const READERS: readonly StaffRole[] = ['service-staff', 'bureau', 'leader']

export default async function staffTalentRoutes(app: FastifyInstance): Promise<void> {
  const { staff: talentStaff, news } = app.services.talent
  const query = (request: { query: unknown }) => request.query as Record<string, unknown>

  app.get('/staff/talent/requests', { onRequest: app.staffGuard(READERS) }, async (request) => talentStaff.list(staffOf(request), query(request)))

  app.get<{ Params: { id: string } }>('/staff/talent/requests/:id', { onRequest: app.staffGuard(READERS) }, async (request) =>
    talentStaff.detail(staffOf(request), request.params.id),
  )

  app.post<{ Params: { id: string } }>('/staff/talent/requests/:id/confirm', { onRequest: app.staffGuard(['service-staff']) }, async (request) =>
    talentStaff.confirm(staffOf(request), request.params.id, request.ip),
  )

  app.post<{ Params: { id: string } }>(
    '/staff/talent/requests/:id/arrange',
    { onRequest: app.staffGuard(['service-staff']), schema: { body: objectBody } },
    async (request) => talentStaff.arrange(staffOf(request), request.params.id, request.body as Record<string, unknown>, request.ip),
  )

  app.post<{ Params: { id: string } }>('/staff/talent/requests/:id/done', { onRequest: app.staffGuard(['service-staff']) }, async (request) =>
    talentStaff.done(staffOf(request), request.params.id, request.ip),
  )

  app.post<{ Params: { id: string } }>(
    '/staff/talent/requests/:id/complaint-answer',
    { onRequest: app.staffGuard(['bureau']), schema: { body: objectBody } },
    async (request) => talentStaff.answer(staffOf(request), request.params.id, request.body as Record<string, unknown>, request.ip),
  )

  app.get<{ Params: { talentId: string } }>(
    '/staff/talent/photos/:talentId',
    { onRequest: app.staffGuard(['service-staff', 'bureau']) },
    async (request, reply) => {
      const photo = await talentStaff.photo(staffOf(request), request.params.talentId, request.ip)
      return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
    },
  )

  app.get('/staff/talent/stats', { onRequest: app.staffGuard(['bureau', 'leader']) }, async (request) =>
    talentStaff.stats(staffOf(request), query(request)),
  )

  app.get('/staff/news', { onRequest: app.staffGuard(READERS) }, async () => news.list())

  app.post('/staff/news', { onRequest: app.staffGuard(['bureau']), schema: { body: objectBody } }, async (request) =>
    news.publish(staffOf(request), request.body as Record<string, unknown>, request.ip),
  )

  registerTalentStream(app)
}
