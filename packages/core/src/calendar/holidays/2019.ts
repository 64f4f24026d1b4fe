/**
 * 2019: 国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）.
 *
 * The Labour Day line was changed by 国务院办公厅关于调整2019年劳动节假期安排的通知 (published
 * 22 March 2019): 1 May alone became 1 to 4 May, with Sundays 28 April and 5 May worked. The
 * New Year block starts in December 2018, so this table carries 2018-12-29 to 2018-12-31.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2019 = {
  year: 2019,
  documentNo: '国办发明电〔2018〕15号',
  amendedBy: ['国务院办公厅关于调整2019年劳动节假期安排的通知'],
  holidays: [
    // 元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
    '2018-12-30/01-01',
    // 春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
    '02-04/02-10',
    // 清明节：4月5日放假，与周末连休。
    '04-05/04-07',
    // 劳动节：调整后：5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。（原通知为5月1日放假1天）
    '05-01/05-04',
    // 端午节：6月7日放假，与周末连休。
    '06-07/06-09',
    // 中秋节：9月13日放假，与周末连休。
    '09-13/09-15',
    // 国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
    '10-01/10-07',
  ],
  workdays: [
    '2018-12-29', // 元旦, 星期六
    '02-02', // 春节, 星期六
    '02-03', // 春节, 星期日
    '04-28', // 劳动节, 星期日
    '05-05', // 劳动节, 星期日
    '09-29', // 国庆节, 星期日
    '10-12', // 国庆节, 星期六
  ],
} as const satisfies HolidayNotice
