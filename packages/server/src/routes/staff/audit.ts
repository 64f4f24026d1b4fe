/** The audit log, read-only: bureau accounts (their own bureau's rows) and admins (sign-in and account rows). */
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'

export default async function staffAuditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/staff/audit', { onRequest: app.staffGuard(['bureau', 'admin']) }, async (request) =>
    app.services.audit.list(staffOf(request), request.query as Record<string, unknown>),
  )
}
