/**
 * The shapes of the HTTP API's answers (design.md, "HTTP API" and "Bodies, in short"), written
 * once so the server that sends them and the app that reads them cannot drift apart. Types only:
 * nothing here reaches the bundle. ID and card numbers only ever travel masked.
 */
import type {
  ApplicationDetails,
  ApplicationStatus,
  Channel,
  DocumentKind,
  DocumentRequirement,
  EligibilityReport,
  FieldError,
  PolicyVersionId,
  SocialInsuranceBranch,
  StatedFacts,
  TalentWindow,
} from './types'
import type { LapsedMonthRule } from './eligibility/policy-versions'
import type { PaymentLineStatus } from './payments/types'

export type Platform = 'weapp' | 'alipay' | 'h5'

/** The social-security card as bound: `POST /card-binding`'s `binding`, and `GET /me`'s. */
export interface BindingSummary {
  name: string
  idNumberMasked: string
  cardNumberMasked: string
  cardIssued: boolean
  financialAccountActive: boolean
  pensionMonths: number
}

export interface ApplicationSummary {
  /** null until the first submit: a draft has no number yet. */
  applicationNo: string | null
  status: ApplicationStatus
}

export interface MeResponse {
  binding?: BindingSummary
  application?: ApplicationSummary
}

/** `target` is a DocumentKind or a form field name. */
export interface RejectionReason {
  target: string
  code: string
  message: string
}

/** `GET /application`, and the `application` of `PUT /application`. */
export interface ApplicationView {
  /** null until the first submit: a draft has no number yet. */
  applicationNo: string | null
  status: ApplicationStatus
  statusLabel: string
  /**
   * Who filed it: the applicant online, or a clerk at a talent service window. A window
   * application is the applicant's to follow, not to change: saves, photos, submits and
   * withdrawals are refused (409 WINDOW_APPLICATION) and made at the window instead.
   */
  channel: Channel
  /** A window application: the window that filed it, with its address and phone. */
  window?: TalentWindow
  timeline: { status: ApplicationStatus; at: string }[]
  rejection?: { reasons: RejectionReason[] }
  notice?: { start: string; end: string }
  documents: { kind: DocumentKind; photoId: string; bytes: number }[]
  /** The photos core asks of this applicant (known once the facts are valid). */
  requiredDocuments: DocumentRequirement[]
  /** Once paying (and when paid or stopped): what is owed and where it stands. */
  entitlement?: EntitlementView
  /** Once paying: every month decided so far, in month order. */
  payments?: PaymentLineView[]
  /** When paying was stopped: the payments officer's reason. */
  stop?: { reason: string; at: string }
  /** null until a save validates. */
  facts: StatedFacts | null
  details: ApplicationDetails | null
  /** The form exactly as last sent, valid or not, so nothing entered is lost. */
  raw: { facts?: unknown; details?: unknown }
  /** The problems of `raw` when the last save did not validate. */
  errors?: FieldError[]
  eligibility: EligibilityReport | null
}

/** `GET /application`'s `entitlement` (design.md, "Monthly payments"). */
export interface EntitlementView {
  monthlyYuan: number
  months: number
  /** 'YYYY-MM' */
  firstMonth: string
  paidMonths: number
  paidYuan: number
  /** 'YYYY-MM': the last month of the paying period. */
  lastMonth: string
  /** 'YYYY-MM': the first month not decided yet; null when every month is (发放完毕). */
  nextMonth: string | null
}

/** One month of `GET /application`'s `payments`. */
export interface PaymentLineView {
  /** 'YYYY-MM' */
  month: string
  amountYuan: number
  status: PaymentLineStatus
  /** Why a suspended month was not paid. */
  reason?: string
  /** When the month was decided (ISO timestamp). */
  at: string
}

/** A payment run (`POST /staff/payment-runs` answers `{run}`, `GET /staff/payment-runs` `{runs}`). */
export interface PaymentRunSummary {
  id: string
  /** 'YYYY-MM' */
  month: string
  /** Paid lines in the run (its bank file's rows), suspended lines, and the yuan paid. */
  paid: number
  suspended: number
  totalYuan: number
  /** e.g. 'staff:payments', 'cli' */
  createdBy: string
  createdAt: string
}

/** `GET /staff/payment-runs/:id?page=&pageSize=`. */
export interface PaymentRunDetail {
  run: PaymentRunSummary
  lines: { applicationNo: string; name: string; month: string; amountYuan: number; status: PaymentLineStatus; reason?: string }[]
  total: number
  page: number
  pageSize: number
}

/** `GET /staff/applications/:no/ledger`: the entitlement with its terms and sources, every line. */
export interface StaffLedger {
  applicationNo: string
  status: ApplicationStatus
  statusLabel: string
  entitlement: EntitlementView & { policy: PolicyVersionId; lapsedMonth: LapsedMonthRule; source: string; fixedAt: string }
  lines: (PaymentLineView & { source: string; runId: string | null; origin: 'run' | 'review' | 'legacy' })[]
  stop?: { reason: string; at: string }
  /** The moves of paying: end-notice, stop, resume, finish-payments (and the 0003 migration's). */
  history: { event: string; from: string | null; status: string; actor: string; note: string | null; at: string }[]
}

export interface SaveApplicationResponse {
  application: ApplicationView
  eligibility: EligibilityReport
}

export interface UploadedPhoto {
  photoId: string
  kind: DocumentKind
  bytes: number
}

export interface SubmitResponse {
  applicationNo: string
  status: ApplicationStatus
}

export interface OfficesResponse {
  talentWindows: TalentWindow[]
  socialInsuranceBranches: SocialInsuranceBranch[]
}
