/**
 * Who a staff request comes from (design.md, "Staff API"): the `zh_staff` session cookie, checked
 * on every request, and the roles each endpoint allows. The console hiding a button is never the
 * protection: every staff route names its roles through `staffGuard`, and a role that may not gets
 * 403 whatever the console shows.
 */
import { hasAnyRole, STAFF_SECURITY, type StaffRole } from '@zhihui/core'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { AppError, unauthorized } from '../../errors'
import type { StaffPrincipal } from '../../services/staff/principal'

export const STAFF_COOKIE = 'zh_staff'
export const STAFF_COOKIE_PATH = '/api/v1/staff'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * onRequest hook: the session (401), a password or second factor still to set (403 unless
     * `setup` allows it), and one of `roles` ('any': any signed-in account). Sets request.staff.
     */
    staffGuard(roles: readonly StaffRole[] | 'any', options?: { setup?: boolean }): onRequestHookHandler
  }
  interface FastifyRequest {
    staff: StaffPrincipal | null
  }
}

export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (request.staff === null) throw unauthorized('请先登录。')
  return request.staff
}

export const staffToken = (request: FastifyRequest): string | undefined => request.cookies?.[STAFF_COOKIE]

export function setStaffCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(STAFF_COOKIE, token, {
    path: STAFF_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    // A session cookie for the browser: the server ends it after 8 hours or 30 minutes idle anyway.
  })
}

export const clearStaffCookie = (reply: FastifyReply, secure: boolean): void => {
  reply.clearCookie(STAFF_COOKIE, { path: STAFF_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure })
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF (design.md): a request that changes something must carry `X-Requested-With:
 * zhihui-console`. A cross-site form cannot set a custom header, and a cross-site fetch that sets
 * one needs a CORS preflight this server never grants for staff routes.
 */
export const requireConsoleHeader: onRequestHookHandler = (request, _reply, done) => {
  if (CHANGES.has(request.method) && request.headers[STAFF_SECURITY.csrfHeader] !== STAFF_SECURITY.csrfValue) {
    done(new AppError(403, 'CSRF', '请求缺少控制台标识（X-Requested-With），已拒绝。请从控制台页面操作。'))
    return
  }
  done()
}

export default fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('staff', null)
    const sessions = app.services.staffSessions
    app.decorate('staffGuard', (roles: readonly StaffRole[] | 'any', options: { setup?: boolean } = {}): onRequestHookHandler => {
      return async (request) => {
        const staff = await sessions.authenticate(staffToken(request))
        request.staff = staff
        if (!options.setup) {
          if (staff.mustChangePassword) throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，请先修改密码。')
          if (sessions.needsTotp(staff)) throw new AppError(403, 'TOTP_ENROLMENT_REQUIRED', '请先绑定动态验证码（TOTP）后再使用控制台。')
        }
        if (roles !== 'any' && !hasAnyRole(staff.roles, roles)) {
          throw new AppError(403, 'FORBIDDEN', '您的角色无权进行此操作。')
        }
      }
    })
  },
  { name: 'staff-auth', dependencies: ['context'] },
)
