/**
 * Development only (never registered in production, so they answer 404 there): move the
 * server's date to pass a notice period, and read the SMS outbox from a browser test.
 */
import type { FastifyInstance } from 'fastify'
import { isIsoDay } from '../clock'
import { invalid } from '../errors'

export default async function devRoutes(app: FastifyInstance): Promise<void> {
  const { ctx, services } = app

  app.get('/dev/clock', async () => ({ today: ctx.clock.today() }))

  app.post('/dev/clock', { schema: { body: { type: 'object' } } }, async (request) => {
    const { today } = request.body as { today?: unknown }
    if (!isIsoDay(today)) throw invalid('today', '日期格式应为 YYYY-MM-DD，且是真实存在的日期。')
    ctx.clock.setToday(today)
    return { today: ctx.clock.today() }
  })

  app.get('/dev/outbox', async () => ({
    messages: (await services.outbox.list(100)).map((m) => ({ mobile: m.mobile, text: m.text, at: m.created_at })),
  }))
}
