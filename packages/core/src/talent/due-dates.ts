/**
 * Deadlines of the talent services, on core's working-day calendar (statutory holidays and the
 * weekend days worked instead, by each year's State Council notice).
 *
 * Counting: the day something is filed is not counted; the next working day is day 1 and the
 * deadline is the last day of the count [民法典 第二百零一条: "开始的当日不计入,自下一日开始
 * 计算"]. So a complaint filed on any day of a week without holidays is due 15 working days later,
 * three calendar weeks on the same weekday; a holiday in between pushes the due date back by its
 * days off, and a make-up Saturday (调休上班) counts as a working day.
 */
import { fromDayNumber } from '../civil-date'
import { parseCalendarDate } from '../calendar/calendar-date'
import { holidayCalendarCovers, isWorkingDayOn, noticeYearsOf } from '../calendar/working-days'
import { TALENT_SOURCES } from './sources'

/**
 * policy.md [ext, 国办发〔2019〕51号]: a poor rating or a complaint is followed up and put right
 * within 15 working days.
 */
export const COMPLAINT_WORKING_DAYS = 15
export const COMPLAINT_DUE_SOURCE = `${TALENT_SOURCES.goodBad}：差评、投诉 15 个工作日内整改反馈；期间计算：${TALENT_SOURCES.periodCounting}`

/**
 * CONFIGURATION, NOT POLICY: service staff confirm a request by the end of the next working day.
 * The seed asks for "优质高效便捷" service and gives no time; the bureaus may agree another.
 */
export const CONFIRM_WORKING_DAYS = 1

export interface WorkingDeadline {
  /** 'YYYY-MM-DD': the last day on which the thing is still in time. */
  due: string
  /** False when a year the count crossed has no holiday notice in the table (weekends only). */
  holidaysKnown: boolean
  yearsWithoutData: number[]
}

/** The `workingDays`-th working day after `start` (not counting `start`). RangeError for a bad date or count. */
export function workingDaysAfter(start: string, workingDays: number): WorkingDeadline {
  const from = parseCalendarDate(start, '起算日期')
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 366) {
    throw new RangeError(`工作日数应为 1 到 366 之间的整数，收到的是 ${JSON.stringify(workingDays)}`)
  }
  const missing = new Set<number>()
  let day = from
  for (let counted = 0; counted < workingDays; ) {
    day += 1
    for (const year of noticeYearsOf(day)) if (!holidayCalendarCovers(year)) missing.add(year)
    if (isWorkingDayOn(day)) counted += 1
  }
  const yearsWithoutData = [...missing].sort((a, b) => a - b)
  return { due: fromDayNumber(day), holidaysKnown: yearsWithoutData.length === 0, yearsWithoutData }
}

/** The last day to answer a complaint (or poor rating) made on `filedOn`: 15 working days after it. */
export function complaintDue(filedOn: string): string {
  return workingDaysAfter(filedOn, COMPLAINT_WORKING_DAYS).due
}

/** The last day to confirm a request filed on `filedOn` (CONFIRM_WORKING_DAYS, configuration). */
export function confirmationDue(filedOn: string): string {
  return workingDaysAfter(filedOn, CONFIRM_WORKING_DAYS).due
}

/** Past its due date on `today` (both 'YYYY-MM-DD'): the due day itself is still in time. */
export const isPastDue = (due: string, today: string): boolean => today > due
