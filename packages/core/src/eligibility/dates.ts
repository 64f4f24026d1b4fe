/**
 * Year and month arithmetic on 'YYYY-MM-DD' dates (validity and formatting live in
 * ../validators/date). Dates carry no time of day, so dayjs is used only to move along the
 * calendar; two valid dates compare as strings.
 */
import dayjs from 'dayjs'

/**
 * The same day `years` later. A 29 February lands on 28 February in a common year, because
 * dayjs clamps to the month's last day. For the age limit this is the stricter reading (someone
 * born on 29 February turns 35 on 28 February, a day before the 1 March reading); for deadlines
 * it is the earlier day. Either way "N years" never runs into a day of year N + 1.
 */
export function addYears(date: string, years: number): string {
  return dayjs(date).add(years, 'year').format('YYYY-MM-DD')
}

/** The first day of the month `months` after the month of `date`. */
export function firstOfMonthAfter(date: string, months: number): string {
  return dayjs(date).startOf('month').add(months, 'month').format('YYYY-MM-DD')
}
