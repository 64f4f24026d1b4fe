/** The shapes the API answers with (design.md, "HTTP API"). IDs and card numbers arrive masked. */
import type {
  ApplicationDetails,
  ApplicationStatus,
  DocumentKind,
  EligibilityReport,
  SocialInsuranceBranch,
  StatedFacts,
  TalentWindow,
} from '@zhihui/core'

export type Platform = 'weapp' | 'alipay' | 'h5'

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

export interface SaveApplicationResponse {
  application: Partial<ApplicationSummary> & Record<string, unknown>
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

/** `target` is a DocumentKind or a form field name. */
export interface RejectionReason {
  target: string
  code: string
  message: string
}

export interface ApplicationView {
  /** null until the first submit: a draft has no number yet. */
  applicationNo: string | null
  status: ApplicationStatus
  timeline: { status: ApplicationStatus; at: string }[]
  rejection?: { reasons: RejectionReason[] }
  notice?: { start: string; end: string }
  documents: { kind: DocumentKind; photoId: string }[]
  payments?: { amountYuan: number; at: string }[]
  /** Present when the server returns what was filed (lets another device restore the form). */
  facts?: Partial<StatedFacts>
  details?: Partial<ApplicationDetails>
}

export interface OfficesResponse {
  talentWindows: TalentWindow[]
  socialInsuranceBranches: SocialInsuranceBranch[]
}
