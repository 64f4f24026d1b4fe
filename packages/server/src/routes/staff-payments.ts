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
import { errorResponses, fileResponse, params, query, STAFF_CHANGE, STAFF_READ } from '../schemas/common'
import { ledger, runAnswer, runDetail, runList, stopAnswer } from '../schemas/payments'

const READERS: readonly StaffRole[] = ['payments', 'bureau']

type WithId = { Params: { id: string } }
type WithNo = { Params: { no: string } }

const reasonBody = { type: 'object', properties: { reason: { type: 'string', maxLength: 500, description: '原因（最多 500 字）' } } } as const
const tags = ['staff']

export default async function staffPaymentRoutes(app: FastifyInstance): Promise<void> {
  const { payments, audit } = app.services
  // A bureau account reads payments only if it is the HR bureau's (the subsidy is its).
  const readers: onRequestHookHandler[] = [app.staffGuard(READERS), async (request) => requireSubsidyRole(staffOf(request), READERS)]
  const officer = app.staffGuard(['payments'])

  const listSchema = { tags, summary: '按月发放记录列表', security: STAFF_READ, response: { 200: runList, ...errorResponses(401, 403) } }
  app.get('/staff/payment-runs', { onRequest: readers, schema: listSchema }, async () => payments.list())

  const runSchema = {
    tags,
    summary: '发放一个月（同一月份再次发放 409；格式错误、未来或政策前的月份 422）',
    security: STAFF_CHANGE,
    body: { type: 'object', properties: { month: { type: 'string', maxLength: 20, description: 'YYYY-MM' } } },
    response: { 200: runAnswer, ...errorResponses(401, 403, 409, 422, 503) },
  }
  app.post(
    '/staff/payment-runs',
    { onRequest: officer, schema: runSchema },
    async (request) => {
      const staff = staffOf(request)
      const { month } = request.body as { month?: unknown }
      const answer = await payments.run(month, byStaff(staff).actor)
      await audit.record({ ...byStaff(staff), action: 'payment-run', target: answer.run.month, detail: { ...answer.run }, ip: request.ip })
      return answer
    },
  )

  const detailSchema = {
    tags,
    summary: '一次发放及其明细（分页）',
    security: STAFF_READ,
    params: params('id'),
    querystring: query({ page: '页码（从 1 开始）', pageSize: '每页条数（最多 1000，默认 200）' }),
    response: { 200: runDetail, ...errorResponses(401, 403, 404) },
  }
  app.get<WithId & { Querystring: { page?: string; pageSize?: string } }>('/staff/payment-runs/:id', { onRequest: readers, schema: detailSchema }, async (request) =>
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

  const bankFileSchema = (format: string, type: string) => ({
    tags,
    summary: `导出银行代发文件 .${format}（含完整卡号，仅发放专员，记入审计日志）`,
    security: STAFF_READ,
    params: params('id'),
    response: { 200: fileResponse('代发文件：姓名、社保卡号、金额、月份、申请编号', type), ...errorResponses(401, 403, 404) },
  })
  app.get<WithId>('/staff/payment-runs/:id/bank-file.xlsx', { onRequest: officer, schema: bankFileSchema('xlsx', XLSX_TYPE) }, (request, reply) =>
    bankFile(request, reply, request.params.id, 'xlsx'),
  )
  app.get<WithId>('/staff/payment-runs/:id/bank-file.csv', { onRequest: officer, schema: bankFileSchema('csv', 'text/csv') }, (request, reply) =>
    bankFile(request, reply, request.params.id, 'csv'),
  )

  const ledgerSchema = {
    tags,
    summary: '一份申请的补贴标准与每月发放明细',
    security: STAFF_READ,
    params: params('no'),
    response: { 200: ledger, ...errorResponses(401, 403, 404) },
  }
  app.get<WithNo>('/staff/applications/:no/ledger', { onRequest: readers, schema: ledgerSchema }, async (request) => payments.ledger(request.params.no))

  for (const event of ['stop', 'resume'] as const) {
    const moveSchema = {
      tags,
      summary: event === 'stop' ? '停止发放（附原因，短信告知申请人）' : '恢复发放（附原因，短信告知申请人）',
      security: STAFF_CHANGE,
      params: params('no'),
      body: reasonBody,
      response: { 200: stopAnswer, ...errorResponses(401, 403, 404, 409, 422) },
    }
    app.post<WithNo>(`/staff/applications/:no/${event}`, { onRequest: officer, schema: moveSchema }, async (request) => {
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
