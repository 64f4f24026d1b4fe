/** Sign-in, who is signed in, sign-out, password change and TOTP enrolment. */
import type { FastifyInstance } from 'fastify'
import { clearStaffCookie, setStaffCookie, staffOf, staffToken } from '../../plugins/app/staff-auth'
import { identityOf } from '../../services/staff/principal'
import { unauthorized } from '../../errors'
import { errorResponses, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'
import { passwordBody, signInBody, totpBody } from '../../schemas/staff'

const tags = ['staff']
const session = { $ref: 'StaffSession#' }

export default async function staffSessionRoutes(app: FastifyInstance): Promise<void> {
  const { staffSessions } = app.services
  const secure = app.ctx.config.production

  const signInSchema = {
    tags,
    summary: '工作人员登录（用户名、密码、动态验证码），设置 zh_staff 会话 Cookie',
    description: '须带 X-Requested-With: zhihui-console。5 次失败后锁定 15 分钟（423）。',
    security: [{ consoleHeader: [] }],
    body: signInBody,
    response: { 200: session, ...errorResponses(401, 403, 422, 423, 429) },
  }
  app.post('/staff/session', { schema: signInSchema }, async (request, reply) => {
    const { token, staff } = await staffSessions.signIn(request.body as Record<string, unknown>, request.ip)
    setStaffCookie(reply, token, secure)
    return { staff: identityOf(staff) }
  })

  const whoSchema = { tags, summary: '当前登录的工作人员', security: STAFF_READ, response: { 200: session, ...errorResponses(401) } }
  app.get('/staff/session', { onRequest: app.staffGuard('any', { setup: true }), schema: whoSchema }, async (request) => ({
    staff: identityOf(staffOf(request)),
  }))

  const signOutSchema = {
    tags,
    summary: '退出登录，清除会话 Cookie',
    security: STAFF_CHANGE,
    response: { 204: { type: 'null', description: '已退出' }, ...errorResponses(401, 403) },
  }
  app.delete('/staff/session', { onRequest: app.staffGuard('any', { setup: true }), schema: signOutSchema }, async (request, reply) => {
    await staffSessions.signOut(staffToken(request), staffOf(request), request.ip)
    clearStaffCookie(reply, secure)
    return reply.code(204).send()
  })

  const passwordSchema = {
    tags,
    summary: '修改密码（首次登录或重置后必须先修改）',
    security: STAFF_CHANGE,
    body: passwordBody,
    response: { 200: session, ...errorResponses(401, 403, 422) },
  }
  app.post('/staff/session/password', { onRequest: app.staffGuard('any', { setup: true }), schema: passwordSchema }, async (request) => {
    const token = staffToken(request)
    if (token === undefined) throw unauthorized()
    const staff = await staffSessions.changePassword(staffOf(request), request.body as Record<string, unknown>, token, request.ip)
    return { staff: identityOf(staff) }
  })

  const totpSchema = {
    tags,
    summary: '绑定动态验证码（TOTP）：{} 开始，{code} 完成',
    security: STAFF_CHANGE,
    body: totpBody,
    response: {
      200: {
        description: '开始绑定时为 {secret, otpauthUrl}，完成时为 {staff}',
        oneOf: [
          {
            type: 'object',
            required: ['secret', 'otpauthUrl'],
            properties: { secret: { type: 'string', description: 'TOTP 密钥（Base32）' }, otpauthUrl: { type: 'string', description: 'otpauth:// 地址，可生成二维码' } },
          },
          session,
        ],
      },
      ...errorResponses(401, 403, 409, 422),
    },
  }
  app.post('/staff/session/totp', { onRequest: app.staffGuard('any', { setup: true }), schema: totpSchema }, async (request) => {
    const answer = await staffSessions.enrolTotp(staffOf(request), request.body as Record<string, unknown>, request.ip)
    return 'staff' in answer ? { staff: identityOf(answer.staff) } : answer
  })
}
