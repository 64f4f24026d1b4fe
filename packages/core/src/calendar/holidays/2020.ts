/**
 * 2020: 国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）.
 *
 * The Spring Festival line was changed by 国务院办公厅关于延长2020年春节假期的通知 (January
 * 2020, the COVID-19 outbreak): the break ran to Sunday 2 February and work resumed on Monday
 * 3 February, so Saturday 1 February, a make-up day in the first notice, became a day off.
 * Later provincial orders that delayed the return to work were not statutory days off and are
 * not carried here.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table:
 * `holidays` is every day off of each break, weekend days inside it included; `workdays` are
 * the weekend days worked instead (调休上班).
 */
import type { HolidayYear } from '../holiday-year'

export const HOLIDAYS_2020 = {
  year: 2020,
  source: '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）',
  amendedBy: ['国务院办公厅关于延长2020年春节假期的通知'],
  holidays: [
    // 元旦：1月1日放假，共1天。
    '2020-01-01',
    // 春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。延长后：春节假期延长至2月2日（星期日），2月3日（星期一）起正常上班，2月1日（星期六）因此不再上班。
    '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29',
    '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02',
    // 清明节：4月4日至6日放假调休，共3天。
    '2020-04-04', '2020-04-05', '2020-04-06',
    // 劳动节：5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。
    '2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05',
    // 端午节：6月25日至27日放假调休，共3天。6月28日（星期日）上班。
    '2020-06-25', '2020-06-26', '2020-06-27',
    // 国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。
    '2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06',
    '2020-10-07', '2020-10-08',
  ],
  workdays: [
    '2020-01-19', // 春节, 星期日
    '2020-04-26', // 劳动节, 星期日
    '2020-05-09', // 劳动节, 星期六
    '2020-06-28', // 端午节, 星期日
    '2020-09-27', // 国庆节、中秋节, 星期日
    '2020-10-10', // 国庆节、中秋节, 星期六
  ],
} as const satisfies HolidayYear
