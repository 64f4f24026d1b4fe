/**
 * The working-day calendar: China's statutory holidays and make-up working days by yearly
 * State Council notice, and the public-notice period counted on it.
 */
export type { HolidayYear } from './holiday-year'
export { HOLIDAY_YEARS } from './holidays'
export { holidayArrangementKnown, holidayCalendarCovers, isWorkingDay, noticeYearsFor } from './working-days'
export {
  PUBLIC_NOTICE_SOURCE,
  PUBLIC_NOTICE_WORKING_DAYS,
  noticeHasEnded,
  publicNoticeEnd,
  publicNoticePeriod,
  type PublicNoticePeriod,
} from './public-notice'
