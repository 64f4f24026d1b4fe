/** High-level talent services (docs/talent-api.md; core's talent/api-types.ts). */
import type { FastifyInstance } from 'fastify'
import { bool, isoDay, isoTime, nullable, nullableStr, str } from './common'

const requestStatus = { type: 'string', description: '请求状态：open | confirmed | arranged | done | rated | cancelled' } as const

export const TalentProfileSchema = {
  $id: 'TalentProfile',
  type: 'object',
  description: '人才身份（号码已脱敏）',
  required: ['talent'],
  properties: {
    talent: {
      type: 'object',
      required: ['name', 'tier', 'tierLabel', 'idNumberMasked', 'certificateNoMasked', 'mobileMasked'],
      properties: {
        name: str,
        tier: { type: 'string', description: '人才层次' },
        tierLabel: str,
        idNumberMasked: str,
        certificateNoMasked: str,
        mobileMasked: nullableStr,
      },
    },
  },
} as const

const arrangement = {
  type: ['object', 'null'],
  required: ['when', 'where', 'who', 'phone'],
  properties: { when: str, where: str, who: str, phone: nullableStr },
} as const

const rating = {
  type: ['object', 'null'],
  required: ['level', 'label', 'comment', 'complaint', 'ratedAt'],
  properties: { level: { type: 'integer', description: '1–5' }, label: str, comment: nullableStr, complaint: nullableStr, ratedAt: isoTime },
} as const

const followUpProperties = { due: isoDay, overdue: bool, answer: nullableStr, answeredAt: nullableStr, answeredLate: bool } as const

export const TalentRequestViewSchema = {
  $id: 'TalentRequestView',
  type: 'object',
  required: [
    'requestId',
    'status',
    'statusLabel',
    'serviceId',
    'serviceLabel',
    'bureau',
    'note',
    'filedAt',
    'timeline',
    'contact',
    'arrangement',
    'rating',
    'followUp',
    'canCancel',
    'canRate',
  ],
  properties: {
    requestId: str,
    status: requestStatus,
    statusLabel: str,
    serviceId: str,
    serviceLabel: str,
    bureau: str,
    note: nullableStr,
    filedAt: isoTime,
    timeline: { type: 'array', items: { type: 'object', required: ['status', 'label', 'at'], properties: { status: requestStatus, label: str, at: isoTime } } },
    contact: {
      type: 'object',
      required: ['bureau', 'staffName', 'phone', 'phoneIsOffice'],
      properties: { bureau: str, staffName: nullableStr, phone: str, phoneIsOffice: bool },
    },
    arrangement,
    rating,
    followUp: { type: ['object', 'null'], required: Object.keys(followUpProperties), properties: followUpProperties },
    canCancel: bool,
    canRate: bool,
  },
} as const

export const StaffTalentRequestSchema = {
  $id: 'StaffTalentRequest',
  type: 'object',
  required: [
    'requestId',
    'status',
    'statusLabel',
    'serviceId',
    'serviceLabel',
    'bureau',
    'note',
    'filedAt',
    'talent',
    'confirmDue',
    'confirmOverdue',
    'confirmedAt',
    'confirmedBy',
    'arrangement',
    'arrangedAt',
    'doneAt',
    'cancelledAt',
    'rating',
    'followUp',
    'timeline',
  ],
  properties: {
    requestId: str,
    status: requestStatus,
    statusLabel: str,
    serviceId: str,
    serviceLabel: str,
    bureau: str,
    note: nullableStr,
    filedAt: isoTime,
    talent: {
      type: 'object',
      description: '市领导的视图不含 idNumberMasked、mobile、photoUrl',
      required: ['talentId', 'name', 'tier', 'tierLabel'],
      properties: { talentId: str, name: str, tier: str, tierLabel: str, idNumberMasked: str, mobile: nullableStr, photoUrl: str },
    },
    confirmDue: isoDay,
    confirmOverdue: bool,
    confirmedAt: nullableStr,
    confirmedBy: nullableStr,
    arrangement,
    arrangedAt: nullableStr,
    doneAt: nullableStr,
    cancelledAt: nullableStr,
    rating,
    followUp: {
      type: ['object', 'null'],
      required: [...Object.keys(followUpProperties), 'answeredBy'],
      properties: { ...followUpProperties, answeredBy: nullableStr },
    },
    timeline: {
      type: 'array',
      items: { type: 'object', required: ['status', 'label', 'at', 'actorName'], properties: { status: requestStatus, label: str, at: isoTime, actorName: nullableStr } },
    },
  },
} as const

export const NewsItemSchema = {
  $id: 'NewsItem',
  type: 'object',
  required: ['id', 'title', 'body', 'bureau', 'publishedAt'],
  properties: { id: str, title: str, body: str, bureau: str, publishedAt: isoTime },
} as const

export const newsList = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: 'NewsItem#' } } } } as const

export const staffRequestAnswer = { type: 'object', required: ['request'], properties: { request: { $ref: 'StaffTalentRequest#' } } } as const

const statsProperties = {
  bureau: str,
  requests: { type: 'integer', description: '请求数' },
  done: { type: 'integer', description: '已完成' },
  ratings: { type: 'integer', description: '已评价' },
  satisfactionRate: { ...nullable('number'), description: '满意率；无评价为 null' },
  complaintRate: { ...nullable('number'), description: '投诉率；无完成为 null' },
  complaints: { type: 'integer' },
  meanHoursToConfirm: { ...nullable('number'), description: '平均确认用时（小时）' },
} as const

export const statsAnswer = {
  type: 'object',
  required: ['from', 'to', 'bureaus', 'trend'],
  properties: {
    from: isoDay,
    to: isoDay,
    bureaus: {
      type: 'array',
      items: {
        type: 'object',
        required: [...Object.keys(statsProperties), 'overdueComplaints', 'overdueConfirmations'],
        properties: { ...statsProperties, overdueComplaints: { type: 'integer' }, overdueConfirmations: { type: 'integer' } },
      },
    },
    trend: {
      type: 'array',
      items: { type: 'object', required: [...Object.keys(statsProperties), 'month'], properties: { ...statsProperties, month: { type: 'string', description: 'YYYY-MM' } } },
    },
  },
} as const

export const filedAnswer = { type: 'object', required: ['requestId', 'status'], properties: { requestId: str, status: requestStatus } } as const
export const ratedAnswer = {
  type: 'object',
  required: ['requestId', 'status', 'followUpDue'],
  properties: { requestId: str, status: requestStatus, followUpDue: { ...nullable('string'), description: '局委须答复投诉的期限（YYYY-MM-DD）' } },
} as const

export const servicesAnswer = {
  type: 'object',
  required: ['services'],
  properties: {
    services: { type: 'array', items: { type: 'object', required: ['id', 'label', 'hint', 'bureau'], properties: { id: str, label: str, hint: str, bureau: str } } },
  },
} as const

export const TALENT_SCHEMAS = [TalentProfileSchema, TalentRequestViewSchema, StaffTalentRequestSchema, NewsItemSchema] as const

export function registerTalentSchemas(app: FastifyInstance): void {
  for (const schema of TALENT_SCHEMAS) app.addSchema(schema)
}

/** Request bodies (types only; the talent service checks the rest). */
export const verificationBody = {
  type: 'object',
  description: '核验人才身份：须同意授权（consent 为 true）',
  properties: {
    consent: { description: '必须为 true' },
    name: str,
    idNumber: str,
    certificateNo: { type: 'string', description: '人才证书编号' },
    mobile: { type: 'string', description: '接收进度短信的手机号（可选）' },
  },
} as const
export const talentRequestBody = {
  type: 'object',
  properties: { serviceId: { type: 'string', description: '服务编号（GET /talent/services）' }, note: { type: 'string', description: '备注（最多 200 字）' } },
} as const
export const ratingBody = {
  type: 'object',
  properties: {
    level: { description: '评价等级 1–5（5 非常满意）' },
    comment: { type: 'string', description: '评价（最多 500 字）' },
    complaint: { type: 'string', description: '投诉（最多 1000 字）' },
  },
} as const
export const arrangeBody = {
  type: 'object',
  properties: { when: { type: 'string', description: '时间，如 2026-12-02 09:30' }, where: str, who: str, phone: str },
} as const
export const complaintAnswerBody = { type: 'object', properties: { answer: { type: 'string', description: '对投诉的答复' } } } as const
export const newsBody = {
  type: 'object',
  properties: { title: { type: 'string', description: '标题（最多 60 字）' }, body: { type: 'string', description: '正文（最多 2000 字）' } },
} as const

