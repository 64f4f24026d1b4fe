/**
 * Development only (never registered in production, so they answer 404 there): move the
 * server's date to pass a notice period, and read the SMS outbox from a browser test.
 */
import type { FastifyInstance } from 'fastify'
import { isIsoDay } from '../clock'
import { invalid } from '../errors'
import { errorResponses, isoDay, PUBLIC_ACCESS } from '../schemas/common'

const tags = ['dev']
const clockAnswer = { type: 'object', required: ['today'], properties: { today: isoDay } } as const

export default async function devRoutes(app: FastifyInstance): Promise<void> {
  const { ctx, services } = app

  app.get('/dev/clock', { schema: { tags, summary: '服务器的今天（开发环境）', security: PUBLIC_ACCESS, response: { 200: clockAnswer } } }, async () => ({
    today: ctx.clock.today(),
  }))

  const setClockSchema = {
    tags,
    summary: '设置服务器的今天，用于测试公示期（开发环境）',
    security: PUBLIC_ACCESS,
    body: { type: 'object', properties: { today: { type: 'string', description: 'YYYY-MM-DD' } } },
    response: { 200: clockAnswer, ...errorResponses(422) },
  }
  app.post('/dev/clock', { schema: setClockSchema }, async (request) => {
    const { today } = request.body as { today?: unknown }
    if (!isIsoDay(today)) throw invalid('today', '日期格式应为 YYYY-MM-DD，且是真实存在的日期。')
    ctx.clock.setToday(today)
    return { today: ctx.clock.today() }
  })

  const outboxSchema = {
    tags,
    summary: '短信发件箱（开发环境，最近 100 条）',
    security: PUBLIC_ACCESS,
    response: {
      200: {
        type: 'object',
        required: ['messages'],
        properties: {
          messages: {
            type: 'array',
            items: { type: 'object', required: ['mobile', 'text', 'at'], properties: { mobile: { type: 'string' }, text: { type: 'string' }, at: { type: 'string' } } },
          },
        },
      },
    },
  }
  app.get('/dev/outbox', { schema: outboxSchema }, async () => ({
    messages: (await services.outbox.list(100)).map((m) => ({ mobile: m.mobile, text: m.text, at: m.created_at })),
  }))
}
