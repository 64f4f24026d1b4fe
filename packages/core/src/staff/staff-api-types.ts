/**
 * The shapes of the staff API (`/api/v1/staff`, design.md "Staff side"), written once for the
 * server that sends them and the console that reads them. Types only. ID and card numbers are
 * masked everywhere except the answer of an explicit, audited reveal.
 */
import type { RejectionReason } from '../api-types'
import type {
  ApplicationDetails,
  ApplicationEvent,
  ApplicationStatus,
  Channel,
  District,
  DocumentKind,
  DocumentRequirement,
  EligibilityReport,
  Education,
  StatedFacts,
} from '../types'
import type { Bureau, StaffIdentity, StaffRole } from './roles'

/** `POST /staff/session`, `GET /staff/session`, `POST /staff/session/password`. */
export interface StaffSessionResponse {
  staff: StaffIdentity
}

/** One row of the queue: `GET /staff/applications`. */
export interface StaffQueueItem {
  applicationNo: string
  status: ApplicationStatus
  name: string
  district: District | null
  education: Education | null
  channel: Channel
  submittedAt: string | null
}

export interface Paged<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface StaffHistoryEntry {
  from: ApplicationStatus | null
  status: ApplicationStatus
  event: ApplicationEvent
  /** e.g. 'staff:reviewer', 'applicant:…', 'review-token:…', 'cli' */
  actor: string
  /** The staff member's name where the actor is one. */
  actorName: string | null
  note: string | null
  at: string
}

/** `GET /staff/applications/:no`. */
export interface StaffApplicationDetail {
  applicationNo: string
  status: ApplicationStatus
  statusLabel: string
  channel: Channel
  submittedAt: string | null
  /** The bound card as the registry confirmed it (masked). */
  applicant: {
    name: string
    idNumberMasked: string
    cardNumberMasked: string
    cardIssued: boolean
    financialAccountActive: boolean
    pensionMonths: number
    verifiedAt: string
  } | null
  facts: StatedFacts | null
  details: ApplicationDetails | null
  /** Checked again on the server's today, against the registry's answer. */
  eligibility: EligibilityReport | null
  requiredDocuments: DocumentRequirement[]
  documents: { kind: DocumentKind; label: string; photoId: string; bytes: number }[]
  history: StaffHistoryEntry[]
  rejection?: { reasons: RejectionReason[] }
  notice?: { batchId: string; start: string; end: string }
  /** What this viewer may do now (the server checks again when it is done). */
  actions: ('approve' | 'reject' | 'object')[]
  /** Optimistic concurrency: send it back with a decision; a stale one answers 409. */
  version: number
}

/** `POST /staff/applications/:no/reveal {field}` (audited). */
export interface RevealResponse {
  field: 'idNumber' | 'cardNumber'
  value: string
}

/** `POST /staff/applications/:no/decision {decision, reasons?, version?}`. */
export interface DecisionResponse {
  applicationNo: string
  status: ApplicationStatus
}

/** `GET /staff/overview`: the 工作台. */
export interface StaffOverview {
  counts: Partial<Record<ApplicationStatus, number>>
  /** Applications this account moved last and that wait for it again (e.g. resubmitted after its rejection). */
  mine: StaffQueueItem[]
  /** Submitted more than `overdueDays` working days ago and still not decided. */
  overdue: StaffQueueItem[]
  overdueDays: number
  /** Notice batches whose notice has ended and that still hold applications to pay. */
  noticesEnded: number
}

/** `GET /staff/notices` items and `POST /staff/notices` answer. */
export interface NoticeBatch {
  id: string
  start: string
  end: string
  holidaysKnown: boolean
  createdBy: string
  createdAt: string
  size: number
  ended: boolean
}

export interface NoticeBatchDetail extends NoticeBatch {
  items: NoticeListRow[]
}

/** A row of the 公示名单 (and of its .xlsx). */
export interface NoticeListRow {
  applicationNo: string
  name: string
  idNumberMasked: string
  education: Education
  /** The employer, or 自主创业 / 暂未就业. */
  employer: string
  monthlyYuan: number
  status: ApplicationStatus
}

/** `GET /staff/audit`. */
export interface AuditEntry {
  id: string
  at: string
  actor: string
  actorName: string | null
  action: AuditAction
  target: string | null
  detail: Record<string, unknown> | null
  ip: string | null
}

export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-locked'
  | 'sign-out'
  | 'password-change'
  | 'totp-enrol'
  | 'application-view'
  | 'photo-view'
  | 'number-reveal'
  | 'decision'
  | 'decision-refused'
  | 'objection'
  | 'notice-create'
  | 'notice-export'
  | 'payment-run'
  // A notice batch whose period has ended starts paying (end-notice; the arrears decided at once).
  | 'payment-start'
  | 'payment-stop'
  | 'payment-resume'
  | 'bank-file-export'
  | 'account-create'
  | 'account-update'
  | 'account-reset'
  // Window intake (window-intake.ts): filing, refusals (registry mismatch, an application already
  // active), form changes, photos, submit, printing the receipt, and the applicant's signature.
  | 'window-application-create'
  | 'window-application-refused'
  | 'window-application-update'
  | 'window-photo-upload'
  | 'window-application-submit'
  | 'window-receipt-print'
  | 'window-receipt-signed'
  // An outbound message that failed for good, queued again from the console (jobs/staff-messages.ts).
  | 'message-retry'

/** `GET /staff/accounts` (admin). */
export interface StaffAccountView {
  username: string
  name: string
  roles: StaffRole[]
  district: District | null
  bureau: Bureau | null
  disabled: boolean
  mustChangePassword: boolean
  totpEnrolled: boolean
  lastSignInAt: string | null
  createdAt: string
}

/** `POST /staff/accounts` and `POST /staff/accounts/:username/reset`: the one-time password is shown once. */
export interface AccountWithPassword {
  account: StaffAccountView
  temporaryPassword: string
}

/** Where an outbound message (SMS, WeChat or Alipay subscription message) stands. */
export type OutboundMessageStatus = 'pending' | 'sending' | 'sent' | 'failed'

/**
 * An outbound message as the console lists it (GET /staff/messages): the recipient masked by the
 * server (138****1234), and never the text (it carries rejection reasons).
 */
export interface StaffMessageView {
  id: string
  channel: 'sms' | 'wechat' | 'alipay'
  recipient: string
  kind: string
  status: OutboundMessageStatus
  attempts: number
  lastError: string | null
  applicationNo: string | null
  provider: string | null
  createdAt: string
  sentAt: string | null
  nextAttemptAt: string | null
}
