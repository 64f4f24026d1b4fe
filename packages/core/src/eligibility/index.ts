export { POLICY_VERSIONS, DEFAULT_POLICY, policyVersionFor, isPolicyVersionId } from './policy-versions'
export type { PolicyVersion, PolicyParameters, LapsedMonthRule } from './policy-versions'
export { checkEligibility, checkEligibilityByBirthDate } from './check-eligibility'
export type { ApplicantFactsByBirthDate, EligibilityOptions, EligibilityUnmetRule } from './check-eligibility'
export { ELIGIBILITY_CODES } from './codes'
export type { EligibilityCode } from './codes'
export { channelFor, WINDOW_CHANNEL_RULE } from './channel'
export {
  requiredDocuments,
  documentsStillMissing,
  holdsDegreeCertificate,
  EDUCATIONS_WITHOUT_DEGREE,
  DOCUMENT_LABELS,
  ONLINE_DOCUMENTS,
  WINDOW_DOCUMENTS,
} from './required-documents'
export { EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS } from './labels'
export { SEED_NOTICE, SEED_SECTIONS, TEXT_2017, TEXT_2024 } from './sources'
