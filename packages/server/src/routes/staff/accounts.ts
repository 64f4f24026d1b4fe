/** Staff accounts: admin only. */
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'

const objectBody = { type: 'object' } as const
type WithUsername = { Params: { username: string } }

export default async function staffAccountRoutes(app: FastifyInstance): Promise<void> {
  const accounts = app.services.staffAccounts
  const adminOnly = app.staffGuard(['admin'])

  app.get('/staff/accounts', { onRequest: adminOnly }, async () => accounts.list())

  app.post('/staff/accounts', { onRequest: adminOnly, schema: { body: objectBody } }, async (request) =>
    accounts.create(staffOf(request), request.body as Record<string, unknown>, request.ip),
  )

  app.patch<WithUsername>('/staff/accounts/:username', { onRequest: adminOnly, schema: { body: objectBody } }, async (request) =>
    accounts.update(staffOf(request), request.params.username, request.body as Record<string, unknown>, request.ip),
  )

  app.post<WithUsername>('/staff/accounts/:username/reset', { onRequest: adminOnly }, async (request) =>
    accounts.reset(staffOf(request), request.params.username, request.ip),
  )
}
