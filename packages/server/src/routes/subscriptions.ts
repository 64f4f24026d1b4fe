/**
 * POST /application/subscriptions: the applicant's answer to the mini-program's request for
 * status messages (WeChat subscribeMessage, Alipay template messages). With it accepted, the
 * status changes of their application also go to their WeChat / Alipay account, beside the SMS
 * that is sent regardless (jobs/). The H5 page has nothing to subscribe to.
 */
import type { FastifyInstance } from 'fastify'
import { invalid } from '../errors'
import { applicantOf } from '../plugins/app/auth'
import { APPLICANT_ACCESS, bool, errorResponses, str } from '../schemas/common'

const TEMPLATE = /^[A-Za-z0-9_-]{1,64}$/

const body = {
  type: 'object',
  required: ['templates', 'accepted'],
  additionalProperties: false,
  properties: {
    templates: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'string', maxLength: 64 }, description: '请求订阅的模板编号（微信 tmplIds / 支付宝 entityIds）' },
    accepted: { type: 'boolean', description: '申请人是否同意接收' },
  },
} as const

export default async function subscriptionRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.requireApplicant)
  const schema = {
    tags: ['applicant'],
    summary: '记录申请人是否同意接收办理进度的订阅消息（微信、支付宝小程序）',
    security: APPLICANT_ACCESS,
    body,
    response: {
      200: {
        type: 'object',
        required: ['subscription'],
        properties: {
          subscription: { type: 'object', required: ['platform', 'templates', 'accepted'], properties: { platform: str, templates: { type: 'array', items: str }, accepted: bool } },
        },
      },
      ...errorResponses(401, 422),
    },
  }
  app.post('/application/subscriptions', { schema }, async (request) => {
    const auth = applicantOf(request)
    const { templates, accepted } = request.body as { templates: string[]; accepted: boolean }
    const bad = templates.find((template) => !TEMPLATE.test(template))
    if (bad !== undefined) throw invalid('templates', `模板编号“${bad.slice(0, 64)}”格式不正确：只能包含字母、数字、下划线和“-”。`)
    const { db, clock } = app.ctx
    const account = await db.selectFrom('accounts').select(['platform']).where('id', '=', auth.accountId).executeTakeFirst()
    if (account === undefined || (account.platform !== 'weapp' && account.platform !== 'alipay')) {
      throw invalid('platform', 'H5 页面没有订阅消息：请在微信或支付宝小程序中订阅，办理进度仍会以短信通知。', 'NOT_SUBSCRIBABLE')
    }
    const at = clock.now().toISOString()
    const unique = [...new Set(templates)]
    await db
      .insertInto('message_subscriptions')
      .values(unique.map((template) => ({ account_id: auth.accountId, template, accepted: accepted ? 1 : 0, updated_at: at })))
      .onConflict((oc) => oc.columns(['account_id', 'template']).doUpdateSet((eb) => ({ accepted: eb.ref('excluded.accepted'), updated_at: eb.ref('excluded.updated_at') })))
      .execute()
    return { subscription: { platform: account.platform, templates: unique, accepted } }
  })
}
