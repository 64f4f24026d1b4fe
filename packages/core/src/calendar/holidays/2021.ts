/**
 * 2021: 国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2021 = {
  year: 2021,
  documentNo: '国办发明电〔2020〕27号',
  holidays: [
    // 元旦：1月1日至3日放假，共3天。
    '01-01/01-03',
    // 春节：2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。
    '02-11/02-17',
    // 清明节：4月3日至5日放假调休，共3天。
    '04-03/04-05',
    // 劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。
    '05-01/05-05',
    // 端午节：6月12日至14日放假，共3天。
    '06-12/06-14',
    // 中秋节：9月19日至21日放假调休，共3天。9月18日（星期六）上班。
    '09-19/09-21',
    // 国庆节：10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。
    '10-01/10-07',
  ],
  workdays: [
    '02-07', // 春节, 星期日
    '02-20', // 春节, 星期六
    '04-25', // 劳动节, 星期日
    '05-08', // 劳动节, 星期六
    '09-18', // 中秋节, 星期六
    '09-26', // 国庆节, 星期日
    '10-09', // 国庆节, 星期六
  ],
} as const satisfies HolidayNotice
