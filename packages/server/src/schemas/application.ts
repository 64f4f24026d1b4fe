/**
 * The applicant's side (design.md "HTTP API"; core's api-types.ts): sessions, the card binding,
 * /me, the application view, photos, submit, offices. Shared shapes carry an `$id` and are
 * registered once (registerApplicationSchemas); routes refer to them as `{$ref: 'Name#'}`.
 */
import type { FastifyInstance } from 'fastify'
import { bool, int, isoDay, isoMonth, isoTime, nullableStr, num, openObject, str } from './common'

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under-review',
  'rejected',
  'public-notice',
  'paying',
  'paid',
  'stopped',
  'withdrawn',
] as const

const status = { type: 'string', description: `申请状态：${APPLICATION_STATUSES.join(' | ')}` } as const
const channel = { type: 'string', description: 'online（小程序）或 window（人才服务窗口代办）' } as const
const documentKind = { type: 'string', description: '证件类型（DocumentKind），如 id-card、hukou、graduation-certificate' } as const

/** The social-security card as bound, masked (BindingSummary). */
export const BindingSchema = {
  $id: 'Binding',
  type: 'object',
  description: '已绑定的社保卡（号码已脱敏）',
  required: ['name', 'idNumberMasked', 'cardNumberMasked', 'cardIssued', 'financialAccountActive', 'pensionMonths'],
  properties: {
    name: str,
    idNumberMasked: { type: 'string', description: '身份证号（脱敏）' },
    cardNumberMasked: { type: 'string', description: '社保卡号（脱敏）' },
    cardIssued: { type: 'boolean', description: '社保卡已发放' },
    financialAccountActive: { type: 'boolean', description: '金融账户已激活' },
    pensionMonths: { type: 'integer', description: '在郑连续缴纳养老保险月数' },
  },
} as const

export const RejectionReasonSchema = {
  $id: 'RejectionReason',
  type: 'object',
  required: ['target', 'code', 'message'],
  properties: {
    target: { type: 'string', description: '证件类型或表单字段' },
    code: str,
    message: { type: 'string', description: '退回原因（中文）' },
  },
} as const

export const FieldErrorSchema = {
  $id: 'FieldError',
  type: 'object',
  required: ['field', 'code', 'message'],
  properties: { field: { type: 'string', description: '字段（点分路径）' }, code: str, message: str },
} as const

export const DocumentRequirementSchema = {
  $id: 'DocumentRequirement',
  type: 'object',
  required: ['kind', 'label', 'photo'],
  properties: {
    kind: documentKind,
    label: str,
    photo: { type: 'boolean', description: 'true：线上上传照片；false：到窗口出示原件' },
    replacedBy: { type: 'string', description: '已由其他材料代替（chsi-verification-code：学信网在线验证码）' },
  },
} as const

export const EligibilitySchema = {
  $id: 'EligibilityReport',
  type: 'object',
  description: '资格检查结果（core 的 checkEligibility）',
  required: ['eligible', 'channel', 'unmet', 'policy'],
  properties: {
    eligible: bool,
    channel: { type: 'string', description: '申领渠道（政策规定的办理方式）' },
    unmet: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message', 'source'],
        properties: {
          code: str,
          message: str,
          source: { type: 'string', description: '规则出处' },
          metFrom: { type: 'string', description: '到这一天即可满足（YYYY-MM-DD）' },
          field: { type: 'string', description: '相关字段（点分路径）' },
        },
      },
    },
    subsidy: { type: 'object', required: ['monthlyYuan', 'months'], properties: { monthlyYuan: num, months: int } },
    policy: { type: 'string', description: '政策版本' },
  },
} as const

export const TalentWindowSchema = {
  $id: 'TalentWindow',
  type: 'object',
  description: '人才服务窗口',
  required: ['unit', 'district', 'cityLevel', 'address', 'windows', 'phone'],
  properties: { unit: str, district: str, cityLevel: bool, address: str, windows: int, phone: str },
} as const

const entitlementProperties = {
  monthlyYuan: { type: 'number', description: '每月金额（元）' },
  months: { type: 'integer', description: '发放月数' },
  firstMonth: isoMonth,
  paidMonths: int,
  paidYuan: num,
  lastMonth: isoMonth,
  nextMonth: { type: ['string', 'null'], description: '下一个待发放月份；全部发放完毕为 null' },
} as const

export const EntitlementSchema = {
  $id: 'Entitlement',
  type: 'object',
  description: '补贴标准与发放进度',
  required: ['monthlyYuan', 'months', 'firstMonth', 'paidMonths', 'paidYuan', 'lastMonth', 'nextMonth'],
  properties: entitlementProperties,
} as const

const paymentLineProperties = {
  month: isoMonth,
  amountYuan: num,
  status: { type: 'string', description: 'paid（已发放）或 suspended（暂停）' },
  reason: { type: 'string', description: '暂停的原因' },
  at: isoTime,
} as const

export const PaymentLineSchema = {
  $id: 'PaymentLine',
  type: 'object',
  required: ['month', 'amountYuan', 'status', 'at'],
  properties: paymentLineProperties,
} as const

/** The stated facts and details as stored: core's shapes, open to their optional parts. */
export const factsSchema = openObject('申请人填写的事实（学历、毕业时间、户籍、就业等，core 的 StatedFacts）')
export const detailsSchema = {
  type: 'object',
  description: '表单其余内容（手机号、学校、专业、证书编号）',
  properties: {
    mobile: str,
    school: str,
    major: str,
    graduationCertificateNo: str,
    degreeCertificateNo: str,
    chsiVerificationCode: { type: 'string', description: '学信网在线验证码' },
  },
  additionalProperties: true,
} as const

const applicationViewProperties = {
  applicationNo: { type: ['string', 'null'], description: '申请编号；首次提交前为 null' },
  status,
  statusLabel: str,
  channel,
  window: { $ref: 'TalentWindow#' },
  timeline: { type: 'array', items: { type: 'object', required: ['status', 'at'], properties: { status, at: isoTime } } },
  rejection: { type: 'object', required: ['reasons'], properties: { reasons: { type: 'array', items: { $ref: 'RejectionReason#' } } } },
  notice: { type: 'object', required: ['start', 'end'], properties: { start: isoDay, end: isoDay } },
  documents: {
    type: 'array',
    items: { type: 'object', required: ['kind', 'photoId', 'bytes'], properties: { kind: documentKind, photoId: str, bytes: int } },
  },
  requiredDocuments: { type: 'array', items: { $ref: 'DocumentRequirement#' } },
  entitlement: { $ref: 'Entitlement#' },
  payments: { type: 'array', items: { $ref: 'PaymentLine#' } },
  stop: { type: 'object', required: ['reason', 'at'], properties: { reason: str, at: isoTime } },
  facts: { ...factsSchema, type: ['object', 'null'] },
  details: { ...detailsSchema, type: ['object', 'null'] },
  raw: openObject('最近一次提交的表单原样（无论是否通过校验）'),
  errors: { type: 'array', items: { $ref: 'FieldError#' } },
  eligibility: { oneOf: [{ $ref: 'EligibilityReport#' }, { type: 'null' }] },
} as const

const applicationViewRequired = [
  'applicationNo',
  'status',
  'statusLabel',
  'channel',
  'timeline',
  'documents',
  'requiredDocuments',
  'facts',
  'details',
  'raw',
  'eligibility',
] as const

export const ApplicationViewSchema = {
  $id: 'ApplicationView',
  type: 'object',
  description: '申请人看到的申请：状态、时间线、退回原因、公示日期、照片、补贴与发放明细、表单',
  required: applicationViewRequired,
  properties: applicationViewProperties,
} as const

/** A window application as the clerk continues it (WindowApplicationView: the view plus the intake's own parts). */
export const WindowApplicationViewSchema = {
  $id: 'WindowApplicationView',
  type: 'object',
  description: '窗口代办的申请（经办人视图）',
  required: [...applicationViewRequired, 'window', 'filedBy', 'filedByName', 'applicant', 'chsi', 'receipt'],
  properties: {
    ...applicationViewProperties,
    filedBy: { type: 'string', description: '经办人（staff:用户名）' },
    filedByName: nullableStr,
    applicant: {
      type: 'object',
      required: ['name', 'idNumberMasked', 'cardNumberMasked'],
      properties: { name: str, idNumberMasked: str, cardNumberMasked: str },
    },
    chsi: {
      type: ['object', 'null'],
      description: '学信网在线验证码的核验',
      required: ['code', 'verifyUrl', 'result'],
      properties: {
        code: str,
        verifyUrl: str,
        result: { type: 'string', description: 'valid | not-found | unchecked | unavailable' },
        report: { type: 'object', properties: { name: str, school: str, education: str } },
        checkedAt: isoTime,
      },
    },
    receipt: { oneOf: [{ $ref: 'ReceiptSignature#' }, { type: 'null' }] },
  },
} as const

export const ReceiptSignatureSchema = {
  $id: 'ReceiptSignature',
  type: 'object',
  description: '申请人已在回执上签字',
  required: ['applicationNo', 'signedAt', 'recordedBy'],
  properties: { applicationNo: str, signedAt: isoTime, recordedBy: { type: 'string', description: '登记的经办人（staff:用户名）' } },
} as const

export const SaveAnswerSchema = {
  $id: 'SaveAnswer',
  type: 'object',
  description: '保存后的申请与资格检查结果',
  required: ['application', 'eligibility'],
  properties: { application: { $ref: 'ApplicationView#' }, eligibility: { $ref: 'EligibilityReport#' } },
} as const

export const UploadedPhotoSchema = {
  $id: 'UploadedPhoto',
  type: 'object',
  description: '已保存的照片',
  required: ['photoId', 'kind', 'bytes'],
  properties: { photoId: str, kind: documentKind, bytes: { type: 'integer', description: '处理后的字节数' } },
} as const

/** `{applicationNo, status}`: submit, withdraw, decisions. */
export const ApplicationMovedSchema = {
  $id: 'ApplicationMoved',
  type: 'object',
  description: '申请的新状态',
  required: ['applicationNo', 'status'],
  properties: { applicationNo: { type: ['string', 'null'], description: '申请编号（撤回的草稿为 null）' }, status },
} as const

export const APPLICATION_SCHEMAS = [
  BindingSchema,
  RejectionReasonSchema,
  FieldErrorSchema,
  DocumentRequirementSchema,
  EligibilitySchema,
  TalentWindowSchema,
  EntitlementSchema,
  PaymentLineSchema,
  ApplicationViewSchema,
  ReceiptSignatureSchema,
  WindowApplicationViewSchema,
  SaveAnswerSchema,
  UploadedPhotoSchema,
  ApplicationMovedSchema,
] as const

export { entitlementProperties, paymentLineProperties, status as statusSchema, documentKind as documentKindSchema, channel as channelSchema }

/** Request bodies: types only, so core's checks still decide and word the message. */
export const sessionBody = {
  type: 'object',
  description: '小程序登录：platform 为 weapp、alipay 或 h5，code 为平台登录凭证（开发环境 h5 任意非空字符串）',
  properties: { platform: { type: 'string', description: 'weapp | alipay | h5' }, code: { type: 'string', description: '登录凭证' } },
} as const

export const cardBindingBody = {
  type: 'object',
  description: '绑定社保卡：须同意授权（consent 为 true），姓名、身份证号、社保卡号由 core 校验',
  properties: {
    consent: { description: '必须为 true（同意查询社保登记信息）' },
    name: { type: 'string', description: '姓名' },
    idNumber: { type: 'string', description: '身份证号' },
    cardNumber: { type: 'string', description: '社保卡号' },
  },
} as const

export const applicationBody = {
  type: 'object',
  description: '保存草稿：facts 为 core 的 StatedFacts（学历、毕业时间、留学回国、户籍、就业），details 为其余内容；由 core 逐项校验',
  properties: { facts: factsSchema, details: detailsSchema },
} as const

export function registerApplicationSchemas(app: FastifyInstance): void {
  for (const schema of APPLICATION_SCHEMAS) app.addSchema(schema)
}
