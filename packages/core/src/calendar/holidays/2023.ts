/**
 * 2023: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）.
 *
 * The New Year block starts on Saturday 2022-12-31. Both weekend days were worked after the
 * Spring Festival (28-29 January) and after National Day (7-8 October), giving seven working
 * days in a row: the kind of stretch the 2024 revision of the holiday rules limits to six.
 *
 * Each comment restates the line of the notice for that holiday; the dates under it are the
 * table: `holidays` is every day off of each break, weekend days inside it included, a run of
 * days written as one inclusive interval 'first/last' as the notice writes "1月28日至2月4日";
 * `workdays` are the weekend days worked instead (调休上班). A date is 'MM-DD' of the notice's
 * year; only a day of the December before carries its year ('2018-12-30').
 */
import type { HolidayNotice } from '../holiday-year'

export const HOLIDAYS_2023 = {
  year: 2023,
  documentNo: '国办发明电〔2022〕16号',
  holidays: [
    // 元旦：2022年12月31日至2023年1月2日放假调休，共3天。
    '2022-12-31/01-02',
    // 春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
    '01-21/01-27',
    // 清明节：4月5日放假，共1天。
    '04-05',
    // 劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
    '04-29/05-03',
    // 端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
    '06-22/06-24',
    // 中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
    '09-29/10-06',
  ],
  workdays: [
    '01-28', // 春节, 星期六
    '01-29', // 春节, 星期日
    '04-23', // 劳动节, 星期日
    '05-06', // 劳动节, 星期六
    '06-25', // 端午节, 星期日
    '10-07', // 中秋节、国庆节, 星期六
    '10-08', // 中秋节、国庆节, 星期日
  ],
} as const satisfies HolidayNotice
