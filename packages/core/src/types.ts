/**
 * The words the app, the server and every test share (design.md, "packages/core contract").
 * Dates are always 'YYYY-MM-DD' strings in China Standard Time; nothing here reads the clock.
 */

export type Education = 'doctorate' | 'master' | 'bachelor' | 'preparatory-technician'

export type District =
  | '中原区'
  | '二七区'
  | '管城回族区'
  | '金水区'
  | '惠济区'
  | '上街区'
  | '郑东新区'
  | '高新区'
  | '经开区'
  | '航空港区'
  | '中牟县'
  | '新郑市'
  | '新密市'
  | '荥阳市'
  | '登封市'

export type EmploymentKind = 'employed' | 'self-employed' | 'unemployed'

export interface ApplicantFacts {
  /** Birth date and gender come from it. */
  idNumber: string
  education: Education
  graduationDate: string
  overseasReturnee: boolean
  hukou: { inZhengzhou: boolean; district?: District; settledOn?: string }
  employment: { kind: EmploymentKind; employer?: string; creditCode?: string }
  socialSecurity: { cardIssued: boolean; financialAccountActive: boolean; pensionMonths: number }
  /**
   * Graduated from a world top-200 university: the 2024 rules let such graduates apply up to
   * 6 years after graduating (policy.md, [ext, 2024]). Ignored by the 2017 rules.
   */
  worldTop200University?: boolean
}

export interface IdNumberInfo {
  idNumber: string
  birthDate: string
  gender: 'male' | 'female'
  regionCode: string
}

export type PolicyVersionId = '2017' | '2024'

export type Channel = 'online' | 'window'

export interface UnmetRule {
  code: string
  message: string
  /** The seed's section or the policy text and version the rule comes from. */
  source: string
  /** When time alone will meet the rule: the first day it is met. */
  metFrom?: string
  /** The ApplicantFacts field the rule is about (dot path), so a form can show it beside the field. */
  field?: string
}

export interface EligibilityReport {
  eligible: boolean
  channel: Channel
  unmet: UnmetRule[]
  /** Only when eligible. */
  subsidy?: { monthlyYuan: number; months: number }
  policy: PolicyVersionId
}

export type DocumentKind =
  | 'id-card'
  | 'hukou'
  | 'graduation-certificate'
  | 'degree-certificate'
  | 'business-license'
  | 'student-record-report'
  | 'social-security-card'

export interface DocumentRequirement {
  kind: DocumentKind
  label: string
  /** true: a photo uploaded online; false: the original brought to a window. */
  photo: boolean
  /**
   * Set when the applicant gave something that stands in for this document: the 学信网 online
   * verification code for the student-record report. Nothing more need be photographed or brought.
   */
  replacedBy?: 'chsi-verification-code'
}

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'under-review'
  | 'rejected'
  | 'public-notice'
  | 'paying'
  | 'paid'
  | 'stopped'
  | 'withdrawn'

export type ApplicationEvent =
  | 'submit'
  | 'start-review'
  | 'approve'
  | 'reject'
  | 'resubmit'
  | 'object'
  | 'end-notice'
  | 'finish-payments'
  | 'stop'
  | 'resume'
  | 'withdraw'

export interface Office {
  name: string
  address?: string
  phone?: string
  windows?: number
}

/** A row of the seed's table 市人社局及各地人才服务窗口地址和服务电话. */
export interface TalentWindow {
  unit: string
  /** The district the window serves (the city bureau's window sits in 中原区 and serves everyone). */
  district: District
  cityLevel: boolean
  address: string
  windows: number
  phone: string
}

/** A row of the seed's table 市社会保险局各分局地址和联系电话. */
export interface SocialInsuranceBranch {
  name: string
  district: District
  addresses: string[]
  phones: string[]
}

/** The facts an applicant states in the form; ID number and social security come from the card binding. */
export type StatedFacts = Omit<ApplicantFacts, 'idNumber' | 'socialSecurity'>

/** The rest of the form: what the review needs but no rule decides on. */
export interface ApplicationDetails {
  mobile: string
  school: string
  major: string
  /** 毕业证书编号 */
  graduationCertificateNo: string
  /** 学位证书编号; preparatory technicians have none. */
  degreeCertificateNo?: string
  /**
   * 学信网在线验证码 of the 学籍在线验证报告 (optional): where the student-record report is
   * required, a valid code stands in for its photo or original (design.md, "Window intake").
   */
  chsiVerificationCode?: string
}

/** A problem with one form field: `field` is a dot path such as 'facts.hukou.settledOn' or 'details.mobile'. */
export interface FieldError {
  field: string
  code: string
  message: string
}
