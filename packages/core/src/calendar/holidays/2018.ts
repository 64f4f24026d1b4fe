/**
 * 2018: 国务院办公厅关于2018年部分节假日安排的通知（国办发明电〔2017〕12号）.
 *
 * "与周末连休" (joined to the weekend) is carried as the whole run of days off, so the New Year
 * block starts on Saturday 2017-12-30.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2018 = {
  year: 2018,
  documentNo: '国办发明电〔2017〕12号',
  holidays: [
    // 元旦：1月1日放假，与周末连休。
    '2017-12-30/01-01',
    // 春节：2月15日至21日放假调休，共7天。2月11日（星期日）、2月24日（星期六）上班。
    '02-15/02-21',
    // 清明节：4月5日至7日放假调休，共3天。4月8日（星期日）上班。
    '04-05/04-07',
    // 劳动节：4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。
    '04-29/05-01',
    // 端午节：6月18日放假，与周末连休。
    '06-16/06-18',
    // 中秋节：9月24日放假，与周末连休。
    '09-22/09-24',
    // 国庆节：10月1日至7日放假调休，共7天。9月29日（星期六）、9月30日（星期日）上班。
    '10-01/10-07',
  ],
  workdays: [
    '02-11', // 春节, 星期日
    '02-24', // 春节, 星期六
    '04-08', // 清明节, 星期日
    '04-28', // 劳动节, 星期六
    '09-29', // 国庆节, 星期六
    '09-30', // 国庆节, 星期日
  ],
} as const satisfies HolidayNotice
