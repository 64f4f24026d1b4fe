/**
 * 2024: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）.
 *
 * The New Year block, 与周末连休, starts on Saturday 2023-12-30. The notice encouraged
 * employers to give the Spring Festival eve (Friday 9 February) off; it is not a holiday.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2024 = {
  year: 2024,
  documentNo: '国办发明电〔2023〕7号',
  holidays: [
    // 元旦：1月1日放假，与周末连休。
    '2023-12-30/01-01',
    // 春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
    '02-10/02-17',
    // 清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
    '04-04/04-06',
    // 劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
    '05-01/05-05',
    // 端午节：6月10日放假，与周末连休。
    '06-08/06-10',
    // 中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
    '09-15/09-17',
    // 国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
    '10-01/10-07',
  ],
  workdays: [
    '02-04', // 春节, 星期日
    '02-18', // 春节, 星期日
    '04-07', // 清明节, 星期日
    '04-28', // 劳动节, 星期日
    '05-11', // 劳动节, 星期六
    '09-14', // 中秋节, 星期六
    '09-29', // 国庆节, 星期日
    '10-12', // 国庆节, 星期六
  ],
} as const satisfies HolidayNotice
