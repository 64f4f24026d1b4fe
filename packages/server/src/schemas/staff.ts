/**
 * The back office's subsidy side (docs/staff-api.md; core's staff-api-types.ts): sessions,
 * accounts, the queue, one application, notices, the audit log, window intake.
 */
import type { FastifyInstance } from 'fastify'
import { channelSchema, detailsSchema, documentKindSchema, factsSchema, statusSchema } from './application'
import { bool, int, isoDay, isoTime, nullableStr, openObject, str } from './common'

const roles = { type: 'array', items: { type: 'string', description: 'reviewer | window-clerk | payments | service-staff | bureau | leader | admin' } } as const

export const StaffIdentitySchema = {
  $id: 'StaffIdentity',
  type: 'object',
  description: '当前登录的工作人员',
  required: ['username', 'name', 'roles', 'mustChangePassword', 'totpEnrolled'],
  properties: {
    username: str,
    name: str,
    roles,
    district: { type: 'string', description: '所属区县（窗口经办）' },
    bureau: { type: 'string', description: '所属局委' },
    mustChangePassword: { type: 'boolean', description: '须先修改密码' },
    totpEnrolled: { type: 'boolean', description: '已绑定动态验证码' },
  },
} as const

export const StaffSessionSchema = {
  $id: 'StaffSession',
  type: 'object',
  description: '当前登录的工作人员',
  required: ['staff'],
  properties: { staff: { $ref: 'StaffIdentity#' } },
} as const

export const StaffQueueItemSchema = {
  $id: 'StaffQueueItem',
  type: 'object',
  required: ['applicationNo', 'status', 'name', 'district', 'education', 'channel', 'submittedAt'],
  properties: {
    applicationNo: str,
    status: statusSchema,
    name: str,
    district: nullableStr,
    education: nullableStr,
    channel: channelSchema,
    submittedAt: { type: ['string', 'null'], description: 'ISO 8601 时间' },
  },
} as const

export const StaffAccountSchema = {
  $id: 'StaffAccount',
  type: 'object',
  required: ['username', 'name', 'roles', 'district', 'bureau', 'disabled', 'mustChangePassword', 'totpEnrolled', 'lastSignInAt', 'createdAt'],
  properties: {
    username: str,
    name: str,
    roles,
    district: nullableStr,
    bureau: nullableStr,
    disabled: bool,
    mustChangePassword: bool,
    totpEnrolled: bool,
    lastSignInAt: nullableStr,
    createdAt: isoTime,
  },
} as const

export const AccountWithPasswordSchema = {
  $id: 'AccountWithPassword',
  type: 'object',
  description: '账号与一次性临时密码',
  required: ['account', 'temporaryPassword'],
  properties: { account: { $ref: 'StaffAccount#' }, temporaryPassword: { type: 'string', description: '一次性临时密码（只显示这一次）' } },
} as const

const noticeBatchProperties = {
  id: str,
  start: isoDay,
  end: isoDay,
  holidaysKnown: { type: 'boolean', description: '公示期内的节假日安排已知' },
  createdBy: str,
  createdAt: isoTime,
  size: { type: 'integer', description: '批次中的申请数' },
  ended: { type: 'boolean', description: '公示已结束' },
} as const

export const NoticeBatchSchema = {
  $id: 'NoticeBatch',
  type: 'object',
  description: '公示批次',
  required: ['id', 'start', 'end', 'holidaysKnown', 'createdBy', 'createdAt', 'size', 'ended'],
  properties: noticeBatchProperties,
} as const

export const NoticeBatchDetailSchema = {
  $id: 'NoticeBatchDetail',
  type: 'object',
  description: '公示批次及其公示名单',
  required: [...NoticeBatchSchema.required, 'items'],
  properties: {
    ...noticeBatchProperties,
    items: {
      type: 'array',
      description: '公示名单',
      items: {
        type: 'object',
        required: ['applicationNo', 'name', 'idNumberMasked', 'education', 'employer', 'monthlyYuan', 'status'],
        properties: {
          applicationNo: str,
          name: str,
          idNumberMasked: str,
          education: str,
          employer: { type: 'string', description: '工作单位，或 自主创业 / 暂未就业' },
          monthlyYuan: { type: 'number' },
          status: statusSchema,
        },
      },
    },
  },
} as const

export const StaffApplicationDetailSchema = {
  $id: 'StaffApplicationDetail',
  type: 'object',
  description: '后台看到的一份申请（查看即记入审计日志）',
  required: [
    'applicationNo',
    'status',
    'statusLabel',
    'channel',
    'submittedAt',
    'applicant',
    'facts',
    'details',
    'eligibility',
    'requiredDocuments',
    'documents',
    'history',
    'actions',
    'version',
  ],
  properties: {
    applicationNo: str,
    status: statusSchema,
    statusLabel: str,
    channel: channelSchema,
    submittedAt: nullableStr,
    applicant: {
      type: ['object', 'null'],
      description: '社保登记系统核实的绑卡信息（脱敏）',
      required: ['name', 'idNumberMasked', 'cardNumberMasked', 'cardIssued', 'financialAccountActive', 'pensionMonths', 'verifiedAt'],
      properties: {
        name: str,
        idNumberMasked: str,
        cardNumberMasked: str,
        cardIssued: bool,
        financialAccountActive: bool,
        pensionMonths: int,
        verifiedAt: isoTime,
      },
    },
    facts: { ...factsSchema, type: ['object', 'null'] },
    details: { ...detailsSchema, type: ['object', 'null'] },
    eligibility: { oneOf: [{ $ref: 'EligibilityReport#' }, { type: 'null' }] },
    requiredDocuments: { type: 'array', items: { $ref: 'DocumentRequirement#' } },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'label', 'photoId', 'bytes'],
        properties: { kind: documentKindSchema, label: str, photoId: str, bytes: int },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'status', 'event', 'actor', 'actorName', 'note', 'at'],
        properties: { from: nullableStr, status: statusSchema, event: str, actor: str, actorName: nullableStr, note: nullableStr, at: isoTime },
      },
    },
    rejection: { type: 'object', required: ['reasons'], properties: { reasons: { type: 'array', items: { $ref: 'RejectionReason#' } } } },
    notice: { type: 'object', required: ['batchId', 'start', 'end'], properties: { batchId: str, start: isoDay, end: isoDay } },
    actions: { type: 'array', items: { type: 'string', description: 'approve | reject | object' } },
    version: { type: 'integer', description: '乐观并发版本：随决定一起提交，过期则 409' },
  },
} as const

export const StaffOverviewSchema = {
  type: 'object',
  description: '工作台',
  required: ['counts', 'mine', 'overdue', 'overdueDays', 'noticesEnded'],
  properties: {
    counts: { type: 'object', description: '各状态的申请数', additionalProperties: { type: 'integer' } },
    mine: { type: 'array', items: { $ref: 'StaffQueueItem#' } },
    overdue: { type: 'array', items: { $ref: 'StaffQueueItem#' } },
    overdueDays: int,
    noticesEnded: int,
  },
} as const

/** `{items, total, page, pageSize}` of `items`. */
export const paged = (items: object, description: string) =>
  ({
    type: 'object',
    description,
    required: ['items', 'total', 'page', 'pageSize'],
    properties: { items: { type: 'array', items }, total: int, page: int, pageSize: int },
  }) as const

export const auditEntrySchema = {
  type: 'object',
  required: ['id', 'at', 'actor', 'actorName', 'action', 'target', 'detail', 'ip'],
  properties: {
    id: str,
    at: isoTime,
    actor: str,
    actorName: nullableStr,
    action: { type: 'string', description: '审计动作，如 sign-in、application-view、decision、payment-run' },
    target: nullableStr,
    detail: { type: ['object', 'null'], additionalProperties: true },
    ip: nullableStr,
  },
} as const

export const STAFF_SCHEMAS = [
  StaffIdentitySchema,
  StaffSessionSchema,
  StaffQueueItemSchema,
  StaffAccountSchema,
  AccountWithPasswordSchema,
  NoticeBatchSchema,
  NoticeBatchDetailSchema,
  StaffApplicationDetailSchema,
] as const

export function registerStaffSchemas(app: FastifyInstance): void {
  for (const schema of STAFF_SCHEMAS) app.addSchema(schema)
}

/** Request bodies (types only; the services check the rest). */
export const signInBody = {
  type: 'object',
  properties: { username: str, password: str, totp: { type: 'string', description: '动态验证码（已绑定时必填）' } },
} as const
export const passwordBody = { type: 'object', properties: { current: { type: 'string', description: '当前密码' }, next: { type: 'string', description: '新密码' } } } as const
export const totpBody = {
  type: 'object',
  description: '{} 开始绑定（答复 secret 与 otpauthUrl）；{code} 完成绑定',
  properties: { code: { type: 'string', description: '动态验证码' } },
} as const
export const accountBody = {
  type: 'object',
  properties: {
    username: str,
    name: str,
    roles,
    district: { type: 'string', description: '窗口经办所属区县' },
    bureau: { type: 'string', description: '服务人员、业务局委所属局委' },
    disabled: { description: '停用（仅修改时）' },
  },
} as const
export const revealBody = { type: 'object', properties: { field: { type: 'string', description: 'idNumber 或 cardNumber' } } } as const
export const decisionBody = {
  type: 'object',
  description: '审核决定',
  properties: {
    decision: { type: 'string', description: 'approve 或 reject' },
    reasons: { type: 'array', description: '退回原因（reject 时必填）', items: openObject('{target, code, message}') },
    version: { description: '详情中的 version（乐观并发）' },
  },
} as const
export const objectionBody = { type: 'object', properties: { note: { type: 'string', description: '异议内容' } } } as const
export const applicationNosBody = {
  type: 'object',
  properties: { applicationNos: { type: 'array', description: '申请编号', items: { type: 'string' } } },
} as const
export const windowIntakeBody = {
  type: 'object',
  description: '窗口受理：申请人的姓名、身份证号、社保卡号（与社保登记系统核对），及可选的表单 facts、details',
  properties: {
    name: str,
    idNumber: str,
    cardNumber: str,
    facts: factsSchema,
    details: detailsSchema,
  },
} as const
