/**
 * Notice batches (公示): payments officers make them and export the 公示名单; reviewers and the
 * HR bureau's supervisor read them.
 */
import type { StaffRole } from '@zhihui/core'
import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { attachmentHeader, noticeListFileName, XLSX_TYPE } from '../../services/staff/notice-xlsx'
import { requireSubsidyRole } from '../../services/staff/scope'

const objectBody = { type: 'object' } as const
type WithId = { Params: { id: string } }

const NOTICE_READERS: readonly StaffRole[] = ['payments', 'reviewer', 'bureau']

export default async function staffNoticeRoutes(app: FastifyInstance): Promise<void> {
  const { staffNotices } = app.services
  // A bureau account reads the subsidy's notices only if it is the HR bureau's.
  const readers: onRequestHookHandler[] = [
    app.staffGuard(NOTICE_READERS),
    async (request) => requireSubsidyRole(staffOf(request), NOTICE_READERS),
  ]
  const payments = app.staffGuard(['payments'])

  app.get('/staff/notices', { onRequest: readers }, async () => staffNotices.list())

  app.post('/staff/notices', { onRequest: payments, schema: { body: objectBody } }, async (request) =>
    staffNotices.create(staffOf(request), request.body as Record<string, unknown>, request.ip),
  )

  app.get<WithId>('/staff/notices/:id', { onRequest: readers }, async (request) => staffNotices.detail(request.params.id))

  app.get<WithId>('/staff/notices/:id/list.xlsx', { onRequest: payments }, async (request, reply) => {
    const { batch, file } = await staffNotices.exportList(staffOf(request), request.params.id, request.ip)
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachmentHeader(noticeListFileName(batch.start, batch.end), `notice-list-${batch.start}-${batch.end}.xlsx`))
      .header('cache-control', 'private, no-store')
      .send(file)
  })
}
