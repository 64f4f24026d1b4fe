/**
 * Monthly payments in the back office (design.md, "Monthly payments"; docs/staff-api.md): the
 * payments officer runs a month, exports its bank file, stops and resumes paying an application;
 * the HR bureau's supervisor reads runs and ledgers. Every change and every export is audited
 * ('payment-run', 'payment-stop', 'payment-resume', 'bank-file-export').
 */
import type { StaffRole } from '@zhihui/core'
import type { FastifyInstance, FastifyReply, onRequestHookHandler } from 'fastify'
import { staffOf } from '../plugins/app/staff-auth'
import { bankCsv, bankXlsx } from '../services/payments'
import { byStaff } from '../services/staff/audit-service'
import { attachmentHeader, XLSX_TYPE } from '../services/staff/notice-xlsx'
import { requireSubsidyRole } from '../services/staff/scope'

const READERS: readonly StaffRole[] = ['payments', 'bureau']

type WithId = { Params: { id: string } }
type WithNo = { Params: { no: string } }

const reasonBody = { type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } } as const

export default async function staffPaymentRoutes(app: FastifyInstance): Promise<void> {
  const { payments, audit } = app.services
  // A bureau account reads payments only if it is the HR bureau's (the subsidy is its).
  const readers: onRequestHookHandler[] = [app.staffGuard(READERS), async (request) => requireSubsidyRole(staffOf(request), READERS)]
  const officer = app.staffGuard(['payments'])

  app.get('/staff/payment-runs', { onRequest: readers }, async () => payments.list())

  app.post(
    '/staff/payment-runs',
    { onRequest: officer, schema: { body: { type: 'object', properties: { month: { type: 'string', maxLength: 20 } } } } },
    async (request) => {
      const staff = staffOf(request)
      const { month } = request.body as { month?: unknown }
      const answer = await payments.run(month, byStaff(staff).actor)
      await audit.record({ ...byStaff(staff), action: 'payment-run', target: answer.run.month, detail: { ...answer.run }, ip: request.ip })
      return answer
    },
  )

  app.get<WithId & { Querystring: { page?: string; pageSize?: string } }>('/staff/payment-runs/:id', { onRequest: readers }, async (request) =>
    payments.detail(request.params.id, {
      ...(request.query.page !== undefined ? { page: Number(request.query.page) || 1 } : {}),
      ...(request.query.pageSize !== undefined ? { pageSize: Number(request.query.pageSize) || 200 } : {}),
    }),
  )

  /** The bank file carries card numbers in clear: exported by the payments officer only, audited first. */
  async function bankFile(request: Parameters<onRequestHookHandler>[0], reply: FastifyReply, id: string, format: 'xlsx' | 'csv') {
    const staff = staffOf(request)
    const run = await payments.findRun(id)
    await audit.record({ ...byStaff(staff), action: 'bank-file-export', target: run.month, detail: { runId: run.id, format, paid: Number(run.paid) }, ip: request.ip })
    const rows = payments.bankRows(run.id)
    const name = `代发_${run.month}.${format}`
    return reply
      .type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
      .header('content-disposition', attachmentHeader(name, `bank-${run.month}.${format}`))
      .header('cache-control', 'private, no-store')
      .send(format === 'xlsx' ? bankXlsx(rows, `代发${run.month}`) : bankCsv(rows))
  }

  app.get<WithId>('/staff/payment-runs/:id/bank-file.xlsx', { onRequest: officer }, (request, reply) =>
    bankFile(request, reply, request.params.id, 'xlsx'),
  )
  app.get<WithId>('/staff/payment-runs/:id/bank-file.csv', { onRequest: officer }, (request, reply) =>
    bankFile(request, reply, request.params.id, 'csv'),
  )

  app.get<WithNo>('/staff/applications/:no/ledger', { onRequest: readers }, async (request) => payments.ledger(request.params.no))

  for (const event of ['stop', 'resume'] as const) {
    app.post<WithNo>(`/staff/applications/:no/${event}`, { onRequest: officer, schema: { body: reasonBody } }, async (request) => {
      const staff = staffOf(request)
      const { reason } = request.body as { reason?: unknown }
      const moved = await payments[event](request.params.no, reason, byStaff(staff).actor)
      await audit.record({
        ...byStaff(staff),
        action: event === 'stop' ? 'payment-stop' : 'payment-resume',
        target: request.params.no,
        detail: { reason },
        ip: request.ip,
      })
      return moved
    })
  }
}
