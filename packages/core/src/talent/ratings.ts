/**
 * The evaluation after every service [seed, second article: "四是考核评价功能,每一个专家接受服务
 * 后,要对服务单位和服务人员有一个评价,系统后台将自动统计各服务单位的满意率和投诉率"], on the five
 * levels of the national 好差评 scale (policy.md, [ext, 国办发〔2019〕51号]).
 *
 * The seed names the two rates but not their formulas; design.md fixes them:
 * - satisfaction rate = ratings at 非常满意, 满意 or 基本满意 ÷ all ratings;
 * - complaint rate = complaints ÷ services delivered (requests that reached `done`, rated or not).
 * A rate with nothing to divide by is null ("no data"), never 0 and never NaN: a unit that has
 * delivered nothing has not delivered perfectly either.
 */
import { TALENT_SOURCES } from './sources'

export type RatingLevel = 1 | 2 | 3 | 4 | 5

export const RATING_LEVELS = [
  { level: 5, label: '非常满意', satisfied: true },
  { level: 4, label: '满意', satisfied: true },
  { level: 3, label: '基本满意', satisfied: true },
  { level: 2, label: '不满意', satisfied: false },
  { level: 1, label: '非常不满意', satisfied: false },
] as const satisfies readonly { level: RatingLevel; label: string; satisfied: boolean }[]

export const RATING_SOURCE = TALENT_SOURCES.goodBad

export const isRatingLevel = (value: unknown): value is RatingLevel =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5

export function ratingLabel(level: RatingLevel): string {
  return RATING_LEVELS.find((entry) => entry.level === level)?.label ?? String(level)
}

/** 非常满意, 满意 and 基本满意 count as satisfied. */
export const isSatisfied = (level: RatingLevel): boolean => level >= 3

/**
 * Whether a rating must be followed up (回访) and put right by the bureau: a complaint, or a poor
 * rating (不满意 / 非常不满意), policy.md [ext, 国办发〔2019〕51号].
 */
export const needsFollowUp = (level: RatingLevel, complained: boolean): boolean => complained || level <= 2

/** Satisfied ratings over all ratings, 0 to 1; null when there are no ratings. */
export function satisfactionRate(levels: readonly RatingLevel[]): number | null {
  if (levels.length === 0) return null
  return levels.filter(isSatisfied).length / levels.length
}

/**
 * Complaints over services delivered, 0 to 1; null when nothing was delivered. Throws a RangeError
 * for counts that are not whole numbers or for more complaints than services: a complaint is made
 * in the rating of a delivered service, so that can only be a caller's mistake.
 */
export function complaintRate(counts: { complaints: number; delivered: number }): number | null {
  const { complaints, delivered } = counts
  if (!Number.isInteger(complaints) || !Number.isInteger(delivered) || complaints < 0 || delivered < 0) {
    throw new RangeError(`投诉数和服务数应为非负整数，收到 ${complaints} / ${delivered}`)
  }
  if (complaints > delivered) throw new RangeError(`投诉数（${complaints}）不能多于已完成的服务数（${delivered}）`)
  if (delivered === 0) return null
  return complaints / delivered
}

/** A rate for people: '85.7%' (one decimal, trailing '.0' dropped), or '—' for no data. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—'
  const percent = Math.round(rate * 1000) / 10
  return `${percent}%`
}
