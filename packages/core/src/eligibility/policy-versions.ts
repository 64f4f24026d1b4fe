/**
 * The two policy texts the product carries (policy.md: "The two texts disagree: the product must
 * carry both as policy versions with effective dates, with the seed's (2017) rules as the
 * default"). Every parameter is named and carries its source in `sources`, so a changed number
 * is a changed line here and nowhere else.
 */
import type { Education, PolicyVersionId } from '../types'
import { SEED_SECTIONS, TEXT_2017, TEXT_2024, TITLE_2017, TITLE_2024 } from './sources'

/**
 * What becomes of a month of the paying period in which a condition lapses (the card not in use,
 * its financial account frozen, that month's pension not paid in Zhengzhou):
 * - 'skip': the month is not paid and never made up, and the period is not extended: the
 *   entitlement is the `months` calendar months from the first month, and a lapsed month of it
 *   is lost;
 * - 'postpone': the month is not paid, and the period is extended by one month, so that `months`
 *   months are paid in the end.
 * (A third reading, "a lapse ends the entitlement", is not offered: no text we hold says a single
 * missed month forfeits the rest, and a staff member can still stop paying with a reason.)
 */
export type LapsedMonthRule = 'skip' | 'postpone'

export interface PolicyParameters {
  /** Graduated on or after this date ('YYYY-MM-DD'). */
  minGraduationDate: string
  /** Consecutive months of pension paid on time in Zhengzhou (back-payments do not count). */
  pensionMonthsRequired: number
  /** Must be under this age on the day of the check; null: no age limit. */
  ageLimit: Readonly<Record<Education, number | null>>
  /** Hukou settled in Zhengzhou no later than this many years after graduating. */
  settleWithinYears: number
  /** Applied no later than this many years after graduating. */
  applyWithinYears: number
  /** The longer window for graduates of world top-200 universities; null: the text has none. */
  applyWithinYearsWorldTop200: number | null
  monthlyYuan: Readonly<Record<Education, number>>
  /** Months paid to an applicant who works or runs a business in Zhengzhou. */
  months: number
  /** Months paid to a graduate not yet employed. */
  unemployedMonths: number
  /** Overseas returnees need no Zhengzhou hukou (and so no settlement deadline). */
  returneesExemptFromHukou: boolean
  /** A month of the paying period in which a condition lapsed (LapsedMonthRule). */
  lapsedMonth: LapsedMonthRule
}

export interface PolicyVersion extends PolicyParameters {
  id: PolicyVersionId
  /** The Chinese title of the text. */
  name: string
  effectiveFrom: string
  /** Present when `effectiveFrom` is not stated by our sources and had to be chosen. */
  effectiveFromNote?: string
  /** Where the text itself is known from. */
  source: string
  /** The source of each parameter, in the words a reviewer can look up. */
  sources: Readonly<Record<keyof PolicyParameters, string>>
}

/** The 2017 text's numbers; the 2024 version restates only the ones it changes. */
const PARAMETERS_2017 = {
  minGraduationDate: '2017-01-01',
  pensionMonthsRequired: 3,
  ageLimit: { doctorate: null, master: 35, bachelor: 35, 'preparatory-technician': 35 },
  settleWithinYears: 3,
  applyWithinYears: 3,
  applyWithinYearsWorldTop200: null,
  monthlyYuan: { doctorate: 1500, master: 1000, bachelor: 500, 'preparatory-technician': 500 },
  months: 36,
  unemployedMonths: 6,
  returneesExemptFromHukou: false,
  // CHOICE (policy.md, "Payment, month by month": the texts we hold do not say): 'skip'. Why:
  // 1. [ext, 2017] pays "for at most 36 months, starting in the month all conditions are met":
  //    read as a period that starts in a known month, it also ends in a known month, and a month
  //    in which the conditions did not hold is a month of that period that was not earned.
  // 2. The conditions are what the subsidy pays for (pension paid on time and continuously,
  //    back-payments not counted, [ext, 2017]); paying a lapsed month later would pay for a month
  //    the text says does not count, and extending the period would pay months the period never
  //    held, years after the graduation the whole subsidy is tied to (apply within 3 years).
  // 3. It is the reversible mistake: a month withheld wrongly can be paid by a later decision;
  //    public money paid wrongly has to be clawed back from the applicant.
  // So the paid months of an entitlement are at most `months`, and fewer when months lapse.
  lapsedMonth: 'skip',
} as const satisfies PolicyParameters

const SOURCES_2017 = {
  minGraduationDate: `${SEED_SECTIONS.scope}：“2017年1月1日后毕业”`,
  pensionMonthsRequired: `${SEED_SECTIONS.socialSecurity}：“缴满3个月养老保险”；${TEXT_2017}：连续缴纳，补缴不计`,
  ageLimit: `${TEXT_2017}：硕士研究生、全日制本科（技工院校预备技师(技师)参照本科）须35周岁以下，博士研究生不限年龄`,
  settleWithinYears: `${TEXT_2017}：毕业3年内在郑落户`,
  applyWithinYears: `${TEXT_2017}：毕业3年内申请`,
  applyWithinYearsWorldTop200: `${TEXT_2017}：无世界排名前200名高校毕业生的延长规定`,
  monthlyYuan: `${TEXT_2017}：博士1500元、硕士1000元、本科500元每月，技工院校预备技师(技师)按本科标准`,
  months: `${TEXT_2017}：最长发放36个月`,
  unemployedMonths: `${TEXT_2017}：毕业后暂未就业、缴纳3个月城乡居民养老保险的，发放6个月`,
  returneesExemptFromHukou: `${SEED_SECTIONS.scope}：须在郑州市域内落户，无例外`,
  lapsedMonth: `${TEXT_2017}：按月发放、最长36个月、养老保险须连续缴纳；条件中断当月如何处理原文未载，本产品取“当月停发、不补发、期限不顺延”（理由见 policy-versions.ts）`,
} as const

/** Amounts and duration: the 2024 press reports say they are unchanged. */
const SAME_AMOUNTS_2024 = `${TEXT_2024}：补贴标准与2017版相同`

/** A number the 2024 press reports do not mention: the 2017 source, marked as carried over. */
const CARRIED_OVER = '（2024版报道未提及，沿用）'

/** The rules in force when the seed was written; every deviation in 2024 is marked. */
export const POLICY_VERSIONS = {
  '2017': {
    id: '2017',
    name: TITLE_2017,
    // The seed's second article: "2017年11月，郑州又面向全球发布了“智汇郑州”人才工程主文件和22个
    // 配套文件". The day of the month is not given; the 1st is the earliest reading. Applications
    // were taken from 2 January 2018 (the seed's preamble).
    effectiveFrom: '2017-11-01',
    effectiveFromNote: '种子通知只写“2017年11月”发布，未写日期，取11月1日。',
    source: TEXT_2017,
    ...PARAMETERS_2017,
    sources: SOURCES_2017,
  },
  '2024': {
    id: '2024',
    name: TITLE_2024,
    // ASSUMPTION: the press reports give the year, not the day the rules took effect; the
    // official text, once published, decides.
    effectiveFrom: '2024-01-01',
    effectiveFromNote: '假定值：报道只写2024年，未写施行日期，暂取1月1日，以正式文本为准。',
    source: TEXT_2024,
    ...PARAMETERS_2017,
    pensionMonthsRequired: 1,
    applyWithinYearsWorldTop200: 6,
    returneesExemptFromHukou: true,
    sources: {
      minGraduationDate: `${SOURCES_2017.minGraduationDate}（2024版未见改动）`,
      pensionMonthsRequired: `${TEXT_2024}：缴纳1个月养老保险，无欠缴、补缴`,
      ageLimit: `${TEXT_2024}：年龄条件与2017版相同`,
      settleWithinYears: `${SOURCES_2017.settleWithinYears}${CARRIED_OVER}`,
      applyWithinYears: `${SOURCES_2017.applyWithinYears}（2024版报道未改动，沿用）`,
      applyWithinYearsWorldTop200: `${TEXT_2024}：世界排名前200名高校毕业生可在毕业6年内申请`,
      monthlyYuan: SAME_AMOUNTS_2024,
      months: SAME_AMOUNTS_2024,
      unemployedMonths: `${TEXT_2017}：暂未就业者发放6个月${CARRIED_OVER}`,
      returneesExemptFromHukou: `${TEXT_2024}：海外归国留学人员不受落户限制`,
      // "no arrears or back-payments" ([ext, 2024]) is, if anything, stricter on lapses: same choice.
      lapsedMonth: `${TEXT_2024}：养老保险无欠缴、补缴；条件中断当月如何处理报道未载，沿用2017版的取法（当月停发、不补发、期限不顺延）`,
    },
  },
} as const satisfies Record<PolicyVersionId, PolicyVersion>

/** The seed's rules are the default (policy.md); 2024 applies only when asked for. */
export const DEFAULT_POLICY: PolicyVersionId = '2017'

/** Newest first, so the first one already in effect is the one in effect. */
const BY_EFFECTIVE_DATE_DESC: readonly PolicyVersion[] = Object.values(POLICY_VERSIONS).sort((a, b) =>
  b.effectiveFrom.localeCompare(a.effectiveFrom),
)

/**
 * The version in effect on `date` ('YYYY-MM-DD'), or undefined before the first one. For
 * information only (e.g. a note beside the report): checkEligibility uses DEFAULT_POLICY unless
 * told otherwise, because the seed's rules are the product's default and the 2024 date is assumed.
 */
export function policyVersionFor(date: string): PolicyVersionId | undefined {
  // 'YYYY-MM-DD' strings order like the dates they name.
  return BY_EFFECTIVE_DATE_DESC.find((version) => version.effectiveFrom <= date)?.id
}

export function isPolicyVersionId(value: unknown): value is PolicyVersionId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(POLICY_VERSIONS, value)
}
