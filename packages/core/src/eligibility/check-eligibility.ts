/**
 * Who may receive the living subsidy, and how much. Every unmet rule is reported, never only the
 * first, so an applicant sees all there is to fix at once; where time alone will meet a rule
 * (graduation still to come, pension months still to be paid) `metFrom` says from which day.
 *
 * The rules come from the seed (一 scope, 三 social security, 四(一)5 window-only groups) and,
 * for the numbers the seed does not give, from the policy version in use (policy-versions.ts).
 */
import type { ApplicantFacts, EligibilityReport, PolicyVersionId, UnmetRule } from '../types'
import { formatChineseDate as chineseDate, isIsoDate } from '../validators/date'
import { parseIdNumber } from '../validators/id-number'
import { channelFor } from './channel'
import type { EligibilityCode } from './codes'
import { addYears, firstOfMonthAfter } from '../civil-date'
import { EDUCATION_LABELS } from './labels'
import { DEFAULT_POLICY, isPolicyVersionId, POLICY_VERSIONS, type PolicyVersion } from './policy-versions'
import { SEED_SECTIONS } from './sources'

export interface EligibilityOptions {
  /** 'YYYY-MM-DD': core never reads the clock. */
  today: string
  /** Defaults to DEFAULT_POLICY ('2017', the seed's rules). */
  policy?: PolicyVersionId
}

/** An unmet rule as this module makes it: always with a known code and the field to fix. */
export interface EligibilityUnmetRule extends UnmetRule {
  code: EligibilityCode
  field: string
}

interface Context {
  facts: Omit<ApplicantFacts, 'idNumber'>
  today: string
  policy: PolicyVersion
  /** The graduation date when it is a real date, else undefined (date rules are then skipped). */
  graduationDate: string | undefined
}

function unmetRule(
  code: EligibilityCode,
  field: string,
  source: string,
  message: string,
  metFrom?: string,
): EligibilityUnmetRule {
  return metFrom === undefined ? { code, message, source, field } : { code, message, source, field, metFrom }
}

/** Where the applicant reads the dates they are asked to correct. */
const BY_GRADUATION_CERTIFICATE = '请按毕业证上的日期'
const BY_HUKOU_PAGE = '户口本本人页上的迁入日期'

/** The facts without an ID number, with the birth date the age rule reads (the self-check asks for it). */
export type ApplicantFactsByBirthDate = Omit<ApplicantFacts, 'idNumber'> & { birthDate: string }

/** Whom the age rule is about: a birth date (and the field it came from), or why there is none. */
type Birth = { birthDate: string; field: 'idNumber' | 'birthDate' } | { unmet: EligibilityUnmetRule }

export function checkEligibility(facts: ApplicantFacts, opts: EligibilityOptions): EligibilityReport {
  checkOptions(opts)
  // The ID number must parse; the age limit is checked on the birth date it carries.
  const parsed = parseIdNumber(facts.idNumber, { today: opts.today })
  const birth: Birth = parsed.ok
    ? { birthDate: parsed.value.birthDate, field: 'idNumber' }
    : { unmet: unmetRule('ID_NUMBER_INVALID', 'idNumber', 'GB 11643-1999《公民身份号码》', parsed.error.message) }
  return evaluate(facts, birth, opts)
}

/**
 * The same rules for someone known by birth date only: the eligibility self-check, which asks for
 * no ID number, and an app that keeps the birth date instead of the number (PIPL art. 28). The
 * age rule is reported against `birthDate`.
 */
export function checkEligibilityByBirthDate(facts: ApplicantFactsByBirthDate, opts: EligibilityOptions): EligibilityReport {
  checkOptions(opts)
  const { birthDate } = facts
  const birth: Birth =
    isIsoDate(birthDate) && birthDate <= opts.today
      ? { birthDate, field: 'birthDate' }
      : {
          unmet: unmetRule(
            'BIRTH_DATE_INVALID',
            'birthDate',
            'GB 11643-1999《公民身份号码》',
            '出生日期不是有效日期，请按身份证上的出生日期填写，格式为“年-月-日”，且不能晚于今天。',
          ),
        }
  return evaluate(facts, birth, opts)
}

// `today` and `policy` come from the caller's code, not from the applicant: a bad one is a bug.
function checkOptions(opts: EligibilityOptions): void {
  if (!isIsoDate(opts.today)) throw new RangeError(`checkEligibility: today must be 'YYYY-MM-DD', got ${opts.today}`)
  const policyId = opts.policy ?? DEFAULT_POLICY
  if (!isPolicyVersionId(policyId)) throw new RangeError(`checkEligibility: unknown policy version ${String(policyId)}`)
}

function evaluate(facts: Omit<ApplicantFacts, 'idNumber'>, birth: Birth, opts: EligibilityOptions): EligibilityReport {
  const policyId = opts.policy ?? DEFAULT_POLICY
  const context: Context = {
    facts,
    today: opts.today,
    policy: POLICY_VERSIONS[policyId],
    graduationDate: isIsoDate(facts.graduationDate) ? facts.graduationDate : undefined,
  }
  const unmet: EligibilityUnmetRule[] = [
    ...ageRules(context, birth),
    ...graduationRules(context),
    ...hukouRules(context),
    ...employmentRules(context),
    ...socialSecurityRules(context),
  ]
  const eligible = unmet.length === 0
  return {
    eligible,
    channel: channelFor(facts),
    unmet,
    ...(eligible ? { subsidy: subsidyFor(facts, context.policy) } : {}),
    policy: policyId,
  }
}

/** Age is checked on the birth date; without one, why there is none is the rule reported. */
function ageRules({ facts, today, policy }: Context, birth: Birth): EligibilityUnmetRule[] {
  if ('unmet' in birth) return [birth.unmet]
  const limit = policy.ageLimit[facts.education]
  if (limit === null) return []
  // "Under 35" means `today` is before the 35th birthday: on the birthday itself the applicant
  // is 35 and no longer qualifies.
  const limitBirthday = addYears(birth.birthDate, limit)
  if (today < limitBirthday) return []
  return [
    unmetRule(
      'AGE_LIMIT_EXCEEDED',
      birth.field,
      policy.sources.ageLimit,
      `${EDUCATION_LABELS[facts.education]}申请人须未满${limit}周岁，您已于${chineseDate(limitBirthday)}年满${limit}周岁，不符合申请条件（博士研究生不受年龄限制）。`,
    ),
  ]
}

function graduationRules({ facts, today, policy, graduationDate }: Context): EligibilityUnmetRule[] {
  const field = 'graduationDate'
  if (graduationDate === undefined) {
    return [
      unmetRule(
        'GRADUATION_DATE_INVALID',
        field,
        policy.sources.minGraduationDate,
        `毕业时间不是有效日期，${BY_GRADUATION_CERTIFICATE}填写，格式为“年-月-日”，如2024-06-30。`,
      ),
    ]
  }
  const unmet: EligibilityUnmetRule[] = []
  if (graduationDate < policy.minGraduationDate) {
    unmet.push(
      unmetRule(
        'GRADUATED_TOO_EARLY',
        field,
        policy.sources.minGraduationDate,
        `生活补贴只面向${chineseDate(policy.minGraduationDate)}及以后毕业的人员，您填写的毕业时间是${chineseDate(graduationDate)}。如填写有误，${BY_GRADUATION_CERTIFICATE}改正。`,
      ),
    )
  }
  if (graduationDate > today) {
    unmet.push(
      unmetRule(
        'NOT_YET_GRADUATED',
        field,
        SEED_SECTIONS.scope,
        `您填写的毕业时间${chineseDate(graduationDate)}还未到，毕业后即可申请；如填写有误，${BY_GRADUATION_CERTIFICATE}改正。`,
        graduationDate,
      ),
    )
  }
  const years = applyWithinYears(facts, policy)
  const applyBy = addYears(graduationDate, years)
  if (today > applyBy) {
    unmet.push(
      unmetRule(
        'APPLICATION_PERIOD_EXPIRED',
        field,
        facts.worldTop200University && policy.applyWithinYearsWorldTop200 !== null
          ? policy.sources.applyWithinYearsWorldTop200
          : policy.sources.applyWithinYears,
        `须在毕业后${years}年内申请（最晚${chineseDate(applyBy)}），现已超过申请期限。如毕业时间填写有误，${BY_GRADUATION_CERTIFICATE}改正。`,
      ),
    )
  }
  return unmet
}

function applyWithinYears(facts: Context['facts'], policy: PolicyVersion): number {
  return facts.worldTop200University ? (policy.applyWithinYearsWorldTop200 ?? policy.applyWithinYears) : policy.applyWithinYears
}

/** Hukou in Zhengzhou (seed 一), settled within N years of graduating ([ext]). */
function hukouRules({ facts, today, policy, graduationDate }: Context): EligibilityUnmetRule[] {
  if (facts.overseasReturnee && policy.returneesExemptFromHukou) return []
  const { inZhengzhou, settledOn } = facts.hukou
  if (!inZhengzhou) {
    return [
      unmetRule(
        'HUKOU_NOT_IN_ZHENGZHOU',
        'hukou.inZhengzhou',
        `${SEED_SECTIONS.scope}；${SEED_SECTIONS.settlement}`,
        '须在郑州市域内落户。请先到落户地址所属辖区的公安户籍服务站（户籍室）办理落户，再申请。',
      ),
    ]
  }
  const field = 'hukou.settledOn'
  const source = policy.sources.settleWithinYears
  if (settledOn === undefined || settledOn.trim() === '') {
    return [unmetRule('HUKOU_SETTLED_ON_MISSING', field, source, `请填写落户郑州的日期（${BY_HUKOU_PAGE}）。`)]
  }
  if (!isIsoDate(settledOn) || settledOn > today) {
    return [
      unmetRule(
        'HUKOU_SETTLED_ON_INVALID',
        field,
        source,
        isIsoDate(settledOn)
          ? `落户日期${chineseDate(settledOn)}晚于今天，请按${BY_HUKOU_PAGE}填写；尚未落户的请先办理落户。`
          : `落户日期不是有效日期，请按${BY_HUKOU_PAGE}填写，格式为“年-月-日”，如2024-07-15。`,
      ),
    ]
  }
  if (graduationDate === undefined) return []
  // Only the late side is limited: a hukou already in Zhengzhou before graduating is in time.
  const settleBy = addYears(graduationDate, policy.settleWithinYears)
  if (settledOn <= settleBy) return []
  return [
    unmetRule(
      'HUKOU_SETTLED_TOO_LATE',
      field,
      source,
      `须在毕业后${policy.settleWithinYears}年内落户郑州（最晚${chineseDate(settleBy)}），您的落户日期${chineseDate(settledOn)}已超过期限。如填写有误，请按${BY_HUKOU_PAGE}改正。`,
    ),
  ]
}

/**
 * Seed 一: working for a unit in Zhengzhou, self-employed in Zhengzhou (with a business licence,
 * 四(一)), or graduated and not yet employed. What each kind must state to be checked.
 */
function employmentRules({ facts }: Context): EligibilityUnmetRule[] {
  const { kind, employer, creditCode } = facts.employment
  if (kind === 'employed' && !employer?.trim()) {
    return [unmetRule('EMPLOYER_MISSING', 'employment.employer', SEED_SECTIONS.scope, '在郑就业人员请填写工作单位的全称。')]
  }
  if (kind === 'self-employed' && !creditCode?.trim()) {
    return [
      unmetRule(
        'CREDIT_CODE_MISSING',
        'employment.creditCode',
        `${SEED_SECTIONS.scope}；${SEED_SECTIONS.windowDocuments}`,
        '在郑自主创业人员请填写营业执照上的统一社会信用代码（18位）。',
      ),
    ]
  }
  return []
}

/**
 * Seed 三: a social-security card, its financial account activated (the subsidy is paid into
 * it), and the required months of pension.
 *
 * `pensionMonths` is what the registry reports: consecutive months paid on time, back-payments
 * excluded (design.md). A month's contribution counts once that month is paid, i.e. from the
 * first day of the next month; the registry's count covers the months before today's month. So
 * with `paid` of `required` months, the rule is met from the 1st of the month (required − paid)
 * months after today's month: 2 of 3 paid on 2026-11-28 → November's payment makes 3 → met from
 * 2026-12-01.
 */
function socialSecurityRules({ facts, today, policy }: Context): EligibilityUnmetRule[] {
  const { cardIssued, financialAccountActive, pensionMonths } = facts.socialSecurity
  const unmet: EligibilityUnmetRule[] = []
  if (!cardIssued) {
    unmet.push(
      unmetRule(
        'SOCIAL_SECURITY_CARD_NOT_ISSUED',
        'socialSecurity.cardIssued',
        SEED_SECTIONS.socialSecurity,
        '须办理社会保障卡。请到郑州市社会保险局各分局办事大厅办理，领卡后再申请。',
      ),
    )
  }
  if (!financialAccountActive) {
    unmet.push(
      unmetRule(
        'FINANCIAL_ACCOUNT_INACTIVE',
        'socialSecurity.financialAccountActive',
        SEED_SECTIONS.socialSecurity,
        '须激活社会保障卡的金融账户，补贴将发放到该账户。请到社会保障卡所属银行的网点激活后再申请。',
      ),
    )
  }
  const required = policy.pensionMonthsRequired
  // The registry reports whole months; anything else is read as none paid rather than trusted.
  const paid = Number.isInteger(pensionMonths) && pensionMonths > 0 ? pensionMonths : 0
  if (paid < required) {
    const metFrom = firstOfMonthAfter(today, required - paid)
    unmet.push(
      unmetRule(
        'PENSION_MONTHS_INSUFFICIENT',
        'socialSecurity.pensionMonths',
        policy.sources.pensionMonthsRequired,
        `须在郑州市域内连续按时缴纳养老保险满${required}个月（补缴不计），目前为${paid}个月。按月按时缴纳，${chineseDate(metFrom)}起即可满足。`,
        metFrom,
      ),
    )
  }
  return unmet
}

/** [ext 2017] by education, 36 months; 6 months for a graduate not yet employed. */
function subsidyFor(facts: Context['facts'], policy: PolicyVersion): { monthlyYuan: number; months: number } {
  return {
    monthlyYuan: policy.monthlyYuan[facts.education],
    months: facts.employment.kind === 'unemployed' ? policy.unemployedMonths : policy.months,
  }
}
