/**
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）.
 *
 * Second year under 国务院令第795号 (see 2025.ts): the Spring Festival break is 9 days, and no
 * run of working days around a break is longer than six.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2026 = {
  year: 2026,
  documentNo: '国办发明电〔2025〕7号',
  holidays: [
    // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    '01-01/01-03',
    // 春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    '02-15/02-23',
    // 清明节：4月4日（周六）至6日（周一）放假，共3天。
    '04-04/04-06',
    // 劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
    '05-01/05-05',
    // 端午节：6月19日（周五）至21日（周日）放假，共3天。
    '06-19/06-21',
    // 中秋节：9月25日（周五）至27日（周日）放假，共3天。
    '09-25/09-27',
    // 国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    '10-01/10-07',
  ],
  workdays: [
    '01-04', // 元旦, 星期日
    '02-14', // 春节, 星期六
    '02-28', // 春节, 星期六
    '05-09', // 劳动节, 星期六
    '09-20', // 国庆节, 星期日
    '10-10', // 国庆节, 星期六
  ],
} as const satisfies HolidayNotice
