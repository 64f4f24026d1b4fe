/**
 * 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）.
 *
 * The first year under the revised 《全国年节及纪念日放假办法》 (国务院令第795号, in force
 * 1 January 2025): 13 statutory days instead of 11 (the Spring Festival eve 除夕 and 2 May are
 * added), and make-up working days are set so that, save in special cases, no more than six
 * days are worked in a row before or after a holiday.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2025 = {
  year: 2025,
  documentNo: '国办发明电〔2024〕12号',
  holidays: [
    // 元旦：1月1日（周三）放假1天，不调休。
    '01-01',
    // 春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
    '01-28/02-04',
    // 清明节：4月4日（周五）至6日（周日）放假，共3天。
    '04-04/04-06',
    // 劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
    '05-01/05-05',
    // 端午节：5月31日（周六）至6月2日（周一）放假，共3天。
    '05-31/06-02',
    // 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
    '10-01/10-08',
  ],
  workdays: [
    '01-26', // 春节, 星期日
    '02-08', // 春节, 星期六
    '04-27', // 劳动节, 星期日
    '09-28', // 国庆节、中秋节, 星期日
    '10-11', // 国庆节、中秋节, 星期六
  ],
} as const satisfies HolidayNotice
