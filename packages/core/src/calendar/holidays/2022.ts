/**
 * 2022: 国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2022 = {
  year: 2022,
  documentNo: '国办发明电〔2021〕11号',
  holidays: [
    // 元旦：1月1日至3日放假，共3天。
    '01-01/01-03',
    // 春节：1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。
    '01-31/02-06',
    // 清明节：4月3日至5日放假调休，共3天。4月2日（星期六）上班。
    '04-03/04-05',
    // 劳动节：4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。
    '04-30/05-04',
    // 端午节：6月3日至5日放假，共3天。
    '06-03/06-05',
    // 中秋节：9月10日至12日放假，共3天。
    '09-10/09-12',
    // 国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。
    '10-01/10-07',
  ],
  workdays: [
    '01-29', // 春节, 星期六
    '01-30', // 春节, 星期日
    '04-02', // 清明节, 星期六
    '04-24', // 劳动节, 星期日
    '05-07', // 劳动节, 星期六
    '10-08', // 国庆节, 星期六
    '10-09', // 国庆节, 星期日
  ],
} as const satisfies HolidayNotice
