/** Staff accounts: admin only. */
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { errorResponses, params, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'
import { accountBody } from '../../schemas/staff'

type WithUsername = { Params: { username: string } }
const tags = ['staff']
const withPassword = { $ref: 'AccountWithPassword#' }

export default async function staffAccountRoutes(app: FastifyInstance): Promise<void> {
  const accounts = app.services.staffAccounts
  const adminOnly = app.staffGuard(['admin'])

  const listSchema = {
    tags,
    summary: '工作人员账号列表（管理员）',
    security: STAFF_READ,
    response: {
      200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: 'StaffAccount#' } } } },
      ...errorResponses(401, 403),
    },
  }
  app.get('/staff/accounts', { onRequest: adminOnly, schema: listSchema }, async () => accounts.list())

  const createSchema = {
    tags,
    summary: '新建工作人员账号，答复一次性临时密码（管理员）',
    security: STAFF_CHANGE,
    body: accountBody,
    response: { 200: withPassword, ...errorResponses(401, 403, 409, 422) },
  }
  app.post('/staff/accounts', { onRequest: adminOnly, schema: createSchema }, async (request) =>
    accounts.create(staffOf(request), request.body as Record<string, unknown>, request.ip),
  )

  const updateSchema = {
    tags,
    summary: '修改账号的姓名、角色、区县、局委或停用（管理员）',
    security: STAFF_CHANGE,
    params: params('username'),
    body: accountBody,
    response: {
      200: { type: 'object', required: ['account'], properties: { account: { $ref: 'StaffAccount#' } } },
      ...errorResponses(401, 403, 404, 422),
    },
  }
  app.patch<WithUsername>('/staff/accounts/:username', { onRequest: adminOnly, schema: updateSchema }, async (request) =>
    accounts.update(staffOf(request), request.params.username, request.body as Record<string, unknown>, request.ip),
  )

  const resetSchema = {
    tags,
    summary: '重置密码与动态验证码，答复一次性临时密码（管理员）',
    security: STAFF_CHANGE,
    params: params('username'),
    response: { 200: withPassword, ...errorResponses(401, 403, 404) },
  }
  app.post<WithUsername>('/staff/accounts/:username/reset', { onRequest: adminOnly, schema: resetSchema }, async (request) =>
    accounts.reset(staffOf(request), request.params.username, request.ip),
  )
}
