/** The reviewers' Bearer API (design.md "HTTP API"): the queue, one application, notices. */
import { detailsSchema, documentKindSchema, factsSchema, paymentLineProperties, statusSchema } from './application'
import { int, isoDay, isoTime, nullableStr, str } from './common'

export const queueAnswer = {
  type: 'object',
  required: ['applications'],
  properties: {
    applications: {
      type: 'array',
      items: {
        type: 'object',
        required: ['applicationNo', 'status', 'submittedAt'],
        properties: { applicationNo: str, status: statusSchema, submittedAt: nullableStr },
      },
    },
  },
} as const

export const reviewDetail = {
  type: 'object',
  description: '一份申请：事实、照片、历史（号码已脱敏）',
  required: ['applicationNo', 'status', 'statusLabel', 'submittedAt', 'applicant', 'facts', 'details', 'eligibility', 'documents', 'history', 'payments'],
  properties: {
    applicationNo: nullableStr,
    status: statusSchema,
    statusLabel: str,
    submittedAt: nullableStr,
    applicant: { oneOf: [{ $ref: 'Binding#' }, { type: 'null' }] },
    facts: { ...factsSchema, type: ['object', 'null'] },
    details: { ...detailsSchema, type: ['object', 'null'] },
    eligibility: { oneOf: [{ $ref: 'EligibilityReport#' }, { type: 'null' }] },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'label', 'photoId', 'bytes', 'contentType'],
        properties: { kind: documentKindSchema, label: str, photoId: str, bytes: int, contentType: str },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        required: ['status', 'from', 'event', 'actor', 'note', 'at'],
        properties: { status: statusSchema, from: nullableStr, event: str, actor: str, note: nullableStr, at: isoTime },
      },
    },
    rejection: { type: 'object', required: ['reasons'], properties: { reasons: { type: 'array', items: { $ref: 'RejectionReason#' } } } },
    notice: { type: 'object', required: ['start', 'end'], properties: { start: isoDay, end: isoDay } },
    entitlement: { $ref: 'Entitlement#' },
    payments: {
      type: 'array',
      description: '按月发放后：每月一行（同 GET /application 的 payments）；之前一次性发放的旧记录：金额、时间与凭证号',
      items: {
        type: 'object',
        required: ['amountYuan', 'at'],
        properties: { ...paymentLineProperties, reference: nullableStr },
      },
    },
    stop: { type: 'object', required: ['reason', 'at'], properties: { reason: str, at: isoTime } },
  },
} as const

export const noticeAnswer = {
  type: 'object',
  required: ['batch'],
  properties: {
    batch: {
      type: 'object',
      required: ['id', 'start', 'end', 'holidaysKnown', 'applicationNos'],
      properties: {
        id: str,
        start: isoDay,
        end: { type: 'string', description: '公示截止日（YYYY-MM-DD），次日起可发放' },
        holidaysKnown: { type: 'boolean', description: '公示期内的节假日安排已知' },
        applicationNos: { type: 'array', items: str },
      },
    },
  },
} as const
