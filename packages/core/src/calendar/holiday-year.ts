/**
 * One year's arrangement of China's statutory holidays, as the State Council General Office
 * publishes it each year (usually in November or December of the year before): which days are
 * off and which weekend days are worked instead (调休上班).
 *
 * The holidays themselves are set by 《全国年节及纪念日放假办法》; the yearly notice decides how
 * they join up with weekends, and only the notice says which Saturdays and Sundays are worked.
 * That is why the calendar is a table per notice and not a rule: a working-day count cannot be
 * computed from the statute alone.
 */
export interface HolidayYear {
  /** The year the notice is for. */
  readonly year: number
  /** The notice's exact title and document number. */
  readonly source: string
  /** Later notices that changed this year's arrangement, already applied to the dates below. */
  readonly amendedBy?: readonly string[]
  /**
   * Every day off of every break, weekend days inside a break included, ascending. A New Year
   * break may begin in the last days of December of the year before (2019, 2023).
   */
  readonly holidays: readonly string[]
  /** Saturdays and Sundays that are working days under the notice, ascending. */
  readonly workdays: readonly string[]
}

/**
 * A notice as it is written down in holidays/*.ts, close to the notice's own words: dates as
 * 'MM-DD' of the notice's year, runs of days off as one inclusive interval ('01-28/02-04' for
 * "1月28日至2月4日"), and the document number alone, from which the notice's fixed title is
 * rebuilt. Only a day of the December before carries its year ('2018-12-30/01-01').
 * `holidays/index.ts` expands each into a HolidayYear once, when the module loads.
 */
export interface HolidayNotice extends Omit<HolidayYear, 'source'> {
  /** e.g. '国办发明电〔2024〕12号'; the title is 国务院办公厅关于<year>年部分节假日安排的通知. */
  readonly documentNo: string
  /** Each entry one day off or an inclusive run 'first/last', ascending. */
  readonly holidays: readonly string[]
  /** The weekend days worked, one by one, ascending. */
  readonly workdays: readonly string[]
}
