/**
 * The codes of unmet eligibility rules. The server and the app refer to a rule by its code (to
 * show it beside a field, or to count rejections), never by its message, which may be reworded.
 */
const CODES = [
  /** The ID number does not parse (GB 11643); age cannot be checked without it. */
  'ID_NUMBER_INVALID',
  /** checkEligibilityByBirthDate: the birth date is not a real date, or is still to come. */
  'BIRTH_DATE_INVALID',
  /** Master, bachelor or preparatory technician on or after the 35th birthday. */
  'AGE_LIMIT_EXCEEDED',
  'GRADUATION_DATE_INVALID',
  /** Graduated before 2017-01-01 (seed 一). */
  'GRADUATED_TOO_EARLY',
  /** The graduation date is still to come: met from that date. */
  'NOT_YET_GRADUATED',
  /** More than the allowed years since graduating. */
  'APPLICATION_PERIOD_EXPIRED',
  'HUKOU_NOT_IN_ZHENGZHOU',
  'HUKOU_SETTLED_ON_MISSING',
  /** Not a real date, or a date still to come. */
  'HUKOU_SETTLED_ON_INVALID',
  /** Settled in Zhengzhou more than the allowed years after graduating. */
  'HUKOU_SETTLED_TOO_LATE',
  'EMPLOYER_MISSING',
  /** Self-employed without the business licence's unified social credit code. */
  'CREDIT_CODE_MISSING',
  'SOCIAL_SECURITY_CARD_NOT_ISSUED',
  'FINANCIAL_ACCOUNT_INACTIVE',
  /** Too few months of pension: met from the month the last one needed is paid. */
  'PENSION_MONTHS_INSUFFICIENT',
] as const

/** Each code keyed by itself (ELIGIBILITY_CODES.AGE_LIMIT_EXCEEDED === 'AGE_LIMIT_EXCEEDED'). */
export const ELIGIBILITY_CODES = Object.fromEntries(CODES.map((code) => [code, code])) as {
  readonly [Code in (typeof CODES)[number]]: Code
}

export type EligibilityCode = (typeof ELIGIBILITY_CODES)[keyof typeof ELIGIBILITY_CODES]
