/**
 * The public notice (公示) of approved applicants. The seed says approved applications "进入公示
 * 环节" and are paid "公示结束后" [seed, 四(一) 3-4]; the length, 7 working days on the municipal
 * human-resources bureau's website, comes from the 2017 policy text (policy.md, [ext, 2017]).
 *
 * Counting (design.md): the start is day 1 when it is a working day; otherwise the first
 * working day after it is day 1. Weekends and statutory holidays are skipped and weekend days
 * worked under a holiday notice (调休上班) count, because the notice runs on the days the bureau
 * is open.
 */
import { fromDayNumber } from '../civil-date'
import { TEXT_2017 } from '../eligibility/sources'
import { parseCalendarDate } from './calendar-date'
import { holidayCalendarCovers, isWorkingDayOn, noticeYearsOf } from './working-days'

/** policy.md [ext, 2017]: "公示 7 个工作日". */
export const PUBLIC_NOTICE_WORKING_DAYS = 7

export const PUBLIC_NOTICE_SOURCE = `${TEXT_2017}：公示7个工作日`

/** More than a year of working days is no notice period; refusing it also bounds the loop. */
const MAX_WORKING_DAYS = 366

export interface PublicNoticePeriod {
  /** The first working day on or after the requested start: day 1 of the notice. */
  start: string
  /** The last working day of the notice; payment may follow from the next day. */
  end: string
  /**
   * False when a year the period touches has no holiday notice in the table: the dates were
   * then counted skipping weekends only and may be wrong by the holidays of that year.
   */
  holidaysKnown: boolean
  /** The years whose holiday notice was needed and is missing, ascending (empty when known). */
  yearsWithoutData: number[]
}

/**
 * The notice period that starts on `start` and runs `workingDays` working days.
 *
 * Throws a RangeError when `start` is not a real 'YYYY-MM-DD' date or `workingDays` is not a
 * whole number from 1 to 366: both come from the server or a reviewer's tool, never from an
 * applicant, and a period counted from a guessed date would be worse than no period.
 */
export function publicNoticePeriod(
  start: string,
  workingDays: number = PUBLIC_NOTICE_WORKING_DAYS,
): PublicNoticePeriod {
  const from = parseCalendarDate(start, '公示开始日期')
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
    throw new RangeError(
      `公示工作日数应为 1 到 ${MAX_WORKING_DAYS} 之间的整数，收到的是 ${JSON.stringify(workingDays)}`,
    )
  }

  const missing = new Set<number>()
  const visit = (day: number): boolean => {
    for (const year of noticeYearsOf(day)) if (!holidayCalendarCovers(year)) missing.add(year)
    return isWorkingDayOn(day)
  }

  let day = from
  while (!visit(day)) day += 1
  const first = day
  for (let counted = 1; counted < workingDays; ) {
    day += 1
    if (visit(day)) counted += 1
  }

  const yearsWithoutData = [...missing].sort((a, b) => a - b)
  return {
    start: fromDayNumber(first),
    end: fromDayNumber(day),
    holidaysKnown: yearsWithoutData.length === 0,
    yearsWithoutData,
  }
}

/**
 * The last day of a notice starting on `start` (design.md contract). Same counting and the same
 * RangeError as `publicNoticePeriod`; use that one to learn whether the holidays were known.
 */
export function publicNoticeEnd(start: string, workingDays: number = PUBLIC_NOTICE_WORKING_DAYS): string {
  return publicNoticePeriod(start, workingDays).end
}

/**
 * Whether payment may begin on `today` for a notice ending on `end`: the day after the notice
 * ends, since the seed pays "公示结束后" [seed, 四(一) 4] and the last day of the notice is still
 * part of it. Both dates are YYYY-MM-DD, so they compare as strings.
 */
export function noticeHasEnded(end: string, today: string): boolean {
  return today > end
}
