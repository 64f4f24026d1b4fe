/**
 * 2017: 国务院办公厅关于2017年部分节假日安排的通知（国办发明电〔2016〕17号）.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2017 = {
  year: 2017,
  documentNo: '国办发明电〔2016〕17号',
  holidays: [
    // 元旦：1月1日放假，1月2日（星期一）补休。
    '01-01/01-02',
    // 春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。
    '01-27/02-02',
    // 清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。
    '04-02/04-04',
    // 劳动节：5月1日放假，与周末连休。
    '04-29/05-01',
    // 端午节：5月28日至30日放假调休，共3天。5月27日（星期六）上班。
    '05-28/05-30',
    // 中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。
    '10-01/10-08',
  ],
  workdays: [
    '01-22', // 春节, 星期日
    '02-04', // 春节, 星期六
    '04-01', // 清明节, 星期六
    '05-27', // 端午节, 星期六
    '09-30', // 中秋节、国庆节, 星期六
  ],
} as const satisfies HolidayNotice
