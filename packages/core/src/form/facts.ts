/**
 * The facts the applicant states (StatedFacts): what the eligibility rules decide on.
 * ID number and social security are not here: they come from the card binding (design.md,
 * PUT /application). Only the fields a situation needs are kept: a hukou outside Zhengzhou has
 * no district, an unemployed graduate no employer, so nothing stale reaches the reviewers.
 */
import { DISTRICTS } from '../directories/districts'
import type { Education, StatedFacts } from '../types'
import { parseCreditCode } from '../validators/credit-code'
import { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS } from './options'
import { asRecord, isBlank, readBoolean, readChoice, readPastDate, readString, readText, type FormIssues } from './read'

const DISTRICT_OPTIONS = DISTRICTS.map((d) => ({ value: d, label: d }))

function readHukou(raw: unknown, issues: FormIssues, today: string): StatedFacts['hukou'] | undefined {
  const hukou = asRecord(raw)
  const inZhengzhou = readBoolean(hukou.inZhengzhou, 'facts.hukou.inZhengzhou', issues)
  // District and date are asked only once the applicant says they are settled in Zhengzhou.
  if (inZhengzhou !== true) return inZhengzhou === false ? { inZhengzhou: false } : undefined
  const district = readChoice(hukou.district, DISTRICT_OPTIONS, 'facts.hukou.district', issues)
  const settledOn = readPastDate(
    hukou.settledOn,
    'facts.hukou.settledOn',
    issues,
    { source: '以户口簿本人页上的迁入（落户）日期为准', tooLate: '落户日期不能晚于今天：请填写已经办好落户手续的日期' },
    today,
  )
  if (district === undefined || settledOn === undefined) return undefined
  return { inZhengzhou: true, district, settledOn }
}

function readEmployment(raw: unknown, issues: FormIssues): StatedFacts['employment'] | undefined {
  const employment = asRecord(raw)
  const kind = readChoice(employment.kind, FORM_EMPLOYMENT_OPTIONS, 'facts.employment.kind', issues)
  switch (kind) {
    case 'employed': {
      const employer = readText(employment.employer, 'facts.employment.employer', issues, { min: 2, max: 100 })
      return employer === undefined ? undefined : { kind, employer }
    }
    case 'self-employed': {
      const text = readString(employment.creditCode, 'facts.employment.creditCode', issues, '请填写营业执照上的18位统一社会信用代码')
      if (text === undefined) return undefined
      const parsed = parseCreditCode(text)
      if (!parsed.ok) return issues.report('facts.employment.creditCode', parsed.error.code, parsed.error.message)
      return { kind, creditCode: parsed.value }
    }
    case 'unemployed':
      return { kind }
    default:
      return undefined
  }
}

export interface StatedFactsReading {
  /** Only when every field is valid. */
  facts?: StatedFacts
  /** Read on their own: the certificate rules of the details depend on them. */
  education?: Education
  overseasReturnee?: boolean
}

export function readStatedFacts(raw: unknown, issues: FormIssues, today: string): StatedFactsReading {
  const body = asRecord(raw)
  const education = readChoice(body.education, FORM_EDUCATION_OPTIONS, 'facts.education', issues)
  const graduationDate = readPastDate(
    body.graduationDate,
    'facts.graduationDate',
    issues,
    { source: '以毕业证书上的毕业日期为准', tooLate: '毕业日期不能晚于今天：须已毕业、取得毕业证书后才能申请' },
    today,
  )
  const overseasReturnee = readBoolean(body.overseasReturnee, 'facts.overseasReturnee', issues)
  // Optional: only the 2024 rules use it (policy.md, [ext, 2024]).
  const worldTop200University = isBlank(body.worldTop200University)
    ? undefined
    : readBoolean(body.worldTop200University, 'facts.worldTop200University', issues)
  const hukou = readHukou(body.hukou, issues, today)
  const employment = readEmployment(body.employment, issues)

  if (
    education === undefined ||
    graduationDate === undefined ||
    overseasReturnee === undefined ||
    hukou === undefined ||
    employment === undefined
  ) {
    return { education, overseasReturnee }
  }
  const facts: StatedFacts = {
    education,
    graduationDate,
    overseasReturnee,
    hukou,
    employment,
    ...(worldTop200University === undefined ? {} : { worldTop200University }),
  }
  return { facts, education, overseasReturnee }
}
