/** Sign-in, who is signed in, sign-out, password change and TOTP enrolment. */
import type { FastifyInstance } from 'fastify'
import { clearStaffCookie, setStaffCookie, staffOf, staffToken } from '../../plugins/app/staff-auth'
import { identityOf } from '../../services/staff/principal'
import { unauthorized } from '../../errors'

const objectBody = { type: 'object' } as const

export default async function staffSessionRoutes(app: FastifyInstance): Promise<void> {
  const { staffSessions } = app.services
  const secure = app.ctx.config.production

  app.post('/staff/session', { schema: { body: objectBody } }, async (request, reply) => {
    const { token, staff } = await staffSessions.signIn(request.body as Record<string, unknown>, request.ip)
    setStaffCookie(reply, token, secure)
    return { staff: identityOf(staff) }
  })

  app.get('/staff/session', { onRequest: app.staffGuard('any', { setup: true }) }, async (request) => ({ staff: identityOf(staffOf(request)) }))

  app.delete('/staff/session', { onRequest: app.staffGuard('any', { setup: true }) }, async (request, reply) => {
    await staffSessions.signOut(staffToken(request), staffOf(request), request.ip)
    clearStaffCookie(reply, secure)
    return reply.code(204).send()
  })

  app.post('/staff/session/password', { onRequest: app.staffGuard('any', { setup: true }), schema: { body: objectBody } }, async (request) => {
    const token = staffToken(request)
    if (token === undefined) throw unauthorized()
    const staff = await staffSessions.changePassword(staffOf(request), request.body as Record<string, unknown>, token, request.ip)
    return { staff: identityOf(staff) }
  })

  app.post('/staff/session/totp', { onRequest: app.staffGuard('any', { setup: true }), schema: { body: objectBody } }, async (request) => {
    const answer = await staffSessions.enrolTotp(staffOf(request), request.body as Record<string, unknown>, request.ip)
    return 'staff' in answer ? { staff: identityOf(answer.staff) } : answer
  })
}
