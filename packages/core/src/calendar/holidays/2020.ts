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
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2020 = {
  year: 2020,
  documentNo: '国办发明电〔2019〕16号',
  amendedBy: ['国务院办公厅关于延长2020年春节假期的通知'],
  holidays: [
    // 元旦：1月1日放假，共1天。
    '01-01',
    // 春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。延长后：春节假期延长至2月2日（星期日），2月3日（星期一）起正常上班，2月1日（星期六）因此不再上班。
    '01-24/02-02',
    // 清明节：4月4日至6日放假调休，共3天。
    '04-04/04-06',
    // 劳动节：5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。
    '05-01/05-05',
    // 端午节：6月25日至27日放假调休，共3天。6月28日（星期日）上班。
    '06-25/06-27',
    // 国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。
    '10-01/10-08',
  ],
  workdays: [
    '01-19', // 春节, 星期日
    '04-26', // 劳动节, 星期日
    '05-09', // 劳动节, 星期六
    '06-28', // 端午节, 星期日
    '09-27', // 国庆节、中秋节, 星期日
    '10-10', // 国庆节、中秋节, 星期六
  ],
} as const satisfies HolidayNotice
