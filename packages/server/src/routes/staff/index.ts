/**
 * Everything under /staff: the session cookie is parsed only here (the applicant's hot path pays
 * nothing for it) and the CSRF header rule applies to every route of the scope, sign-in included.
 */
import cookie from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'
import { requireConsoleHeader } from '../../plugins/app/staff-auth'
import staffAccountRoutes from './accounts'
import staffApplicationRoutes from './applications'
import staffAuditRoutes from './audit'
import staffMessageRoutes from './messages'
import staffNoticeRoutes from './notices'
import staffPaymentRoutes from '../staff-payments'
import staffSessionRoutes from './session'
import staffTalentRoutes from './talent'
import windowApplicationRoutes from './window-applications'

export default async function staffRoutes(app: FastifyInstance): Promise<void> {
  await app.register(cookie)
  app.addHook('onRequest', requireConsoleHeader)
  await app.register(staffSessionRoutes)
  await app.register(staffAccountRoutes)
  await app.register(staffAuditRoutes)
  await app.register(staffApplicationRoutes)
  await app.register(staffNoticeRoutes)
  await app.register(staffPaymentRoutes)
  await app.register(staffTalentRoutes)
  await app.register(windowApplicationRoutes)
  await app.register(staffMessageRoutes)
}
