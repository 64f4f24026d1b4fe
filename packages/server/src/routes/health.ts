/** Liveness and database reachability: 200 {ok: true, db: 'up'} or 503 {ok: false, db: 'down'}. */
import type { FastifyInstance } from 'fastify'
import { databaseReachable } from '../db/create-db'

export default async function healthRoute(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { config: { rateLimitPerMinute: false } }, async (_request, reply) => {
    const up = await databaseReachable(app.ctx.db)
    void reply.status(up ? 200 : 503).header('cache-control', 'no-store')
    return { ok: up, db: up ? 'up' : 'down', database: app.ctx.dbKind }
  })
}
