/** The audit log, read-only: bureau accounts (their own bureau's rows) and admins (sign-in and account rows). */
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { errorResponses, query, STAFF_READ } from '../../schemas/common'
import { auditEntrySchema, paged } from '../../schemas/staff'

const auditSchema = {
  tags: ['staff'],
  summary: '审计日志（业务局委：本局；管理员：登录与账号操作）',
  security: STAFF_READ,
  querystring: query({
    actor: '操作人，如 staff:reviewer',
    action: '审计动作',
    from: '开始日期 YYYY-MM-DD',
    to: '结束日期 YYYY-MM-DD',
    page: '页码（从 1 开始）',
    pageSize: '每页条数',
  }),
  response: { 200: paged(auditEntrySchema, '审计日志（分页）'), ...errorResponses(401, 403, 422) },
}

export default async function staffAuditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/staff/audit', { onRequest: app.staffGuard(['bureau', 'admin']), schema: auditSchema }, async (request) =>
    app.services.audit.list(staffOf(request), request.query as Record<string, unknown>),
  )
}
