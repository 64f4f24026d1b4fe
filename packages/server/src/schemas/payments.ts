/** Monthly payments (design.md "Monthly payments"; core's api-types.ts): runs, ledgers, stop and resume. */
import type { FastifyInstance } from 'fastify'
import { entitlementProperties, paymentLineProperties, statusSchema } from './application'
import { int, isoMonth, isoTime, nullableStr, num, str } from './common'

export const PaymentRunSchema = {
  $id: 'PaymentRun',
  type: 'object',
  description: '一次按月发放',
  required: ['id', 'month', 'paid', 'suspended', 'totalYuan', 'createdBy', 'createdAt'],
  properties: {
    id: str,
    month: isoMonth,
    paid: { type: 'integer', description: '已发放的行数（代发文件的行数）' },
    suspended: { type: 'integer', description: '暂停的行数' },
    totalYuan: { type: 'number', description: '发放总额（元）' },
    createdBy: { type: 'string', description: '如 staff:payments、cli' },
    createdAt: isoTime,
  },
} as const

export const runAnswer = { type: 'object', required: ['run'], properties: { run: { $ref: 'PaymentRun#' } } } as const
export const runList = { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: { $ref: 'PaymentRun#' } } } } as const

export const runDetail = {
  type: 'object',
  required: ['run', 'lines', 'total', 'page', 'pageSize'],
  properties: {
    run: { $ref: 'PaymentRun#' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['applicationNo', 'name', 'month', 'amountYuan', 'status'],
        properties: { applicationNo: str, name: str, month: isoMonth, amountYuan: num, status: str, reason: str },
      },
    },
    total: int,
    page: int,
    pageSize: int,
  },
} as const

export const ledger = {
  type: 'object',
  description: '一份申请的补贴标准（含政策出处）与每月发放明细',
  required: ['applicationNo', 'status', 'statusLabel', 'entitlement', 'lines', 'history'],
  properties: {
    applicationNo: str,
    status: statusSchema,
    statusLabel: str,
    entitlement: {
      type: 'object',
      required: [...Object.keys(entitlementProperties), 'policy', 'lapsedMonth', 'source', 'fixedAt'],
      properties: {
        ...entitlementProperties,
        policy: { type: 'string', description: '政策版本' },
        lapsedMonth: { type: 'string', description: '断缴月份的处理规则' },
        source: { type: 'string', description: '各项标准的出处' },
        fixedAt: isoTime,
      },
    },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['month', 'amountYuan', 'status', 'at', 'source', 'runId', 'origin'],
        properties: {
          ...paymentLineProperties,
          source: str,
          runId: nullableStr,
          origin: { type: 'string', description: 'run | review | legacy' },
        },
      },
    },
    stop: { type: 'object', required: ['reason', 'at'], properties: { reason: str, at: isoTime } },
    history: {
      type: 'array',
      items: {
        type: 'object',
        required: ['event', 'from', 'status', 'actor', 'note', 'at'],
        properties: { event: str, from: nullableStr, status: str, actor: str, note: nullableStr, at: isoTime },
      },
    },
  },
} as const

export const stopAnswer = {
  type: 'object',
  required: ['applicationNo', 'status', 'statusLabel'],
  properties: { applicationNo: str, status: statusSchema, statusLabel: str },
} as const

/** `POST /review/payments`: each application moved to paying, with its first lines. */
export const reviewPayAnswer = {
  type: 'object',
  required: ['payments'],
  properties: {
    payments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['applicationNo', 'status', 'amountYuan', 'entitlement', 'lines'],
        properties: {
          applicationNo: str,
          status: statusSchema,
          amountYuan: { type: 'number', description: '每月金额（元）' },
          entitlement: { $ref: 'Entitlement#' },
          lines: {
            type: 'array',
            items: {
              type: 'object',
              required: ['month', 'amountYuan', 'status'],
              properties: { month: isoMonth, amountYuan: num, status: str, reason: str },
            },
          },
        },
      },
    },
  },
} as const

export function registerPaymentSchemas(app: FastifyInstance): void {
  app.addSchema(PaymentRunSchema)
}
