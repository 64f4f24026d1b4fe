/**
 * The shapes of the HTTP API's answers (design.md, "HTTP API" and "Bodies, in short"), written
 * once so the server that sends them and the app that reads them cannot drift apart. Types only:
 * nothing here reaches the bundle. ID and card numbers only ever travel masked.
 */
import type {
  ApplicationDetails,
  ApplicationStatus,
  DocumentKind,
  DocumentRequirement,
  EligibilityReport,
  FieldError,
  SocialInsuranceBranch,
  StatedFacts,
  TalentWindow,
} from './types'

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
  timeline: { status: ApplicationStatus; at: string }[]
  rejection?: { reasons: RejectionReason[] }
  notice?: { start: string; end: string }
  documents: { kind: DocumentKind; photoId: string; bytes: number }[]
  /** The photos core asks of this applicant (known once the facts are valid). */
  requiredDocuments: DocumentRequirement[]
  payments?: { amountYuan: number; at: string }[]
  /** null until a save validates. */
  facts: StatedFacts | null
  details: ApplicationDetails | null
  /** The form exactly as last sent, valid or not, so nothing entered is lost. */
  raw: { facts?: unknown; details?: unknown }
  /** The problems of `raw` when the last save did not validate. */
  errors?: FieldError[]
  eligibility: EligibilityReport | null
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
