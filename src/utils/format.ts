/**
 * Display helpers shared by pages: byte sizes, Chinese dates and times, yuan. Dates and times are
 * shown with dayjs in its zh-cn locale ('LL' is 2024年6月30日, 'LLL' adds 上午9点30分); core keeps
 * its own civil-date arithmetic for the rules, this is only how a date reads on screen.
 */
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import localizedFormat from 'dayjs/plugin/localizedFormat'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(localizedFormat)
dayjs.locale('zh-cn')

/** China Standard Time has no daylight saving: UTC+8 all year, whatever zone the phone is set to. */
const CST_MINUTES = 8 * 60

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/

/** A plain date as written, a timestamp in China Standard Time; undefined when it is neither. */
function read(value: string): dayjs.Dayjs | undefined {
  if (PLAIN_DATE.test(value)) {
    const date = dayjs(value)
    // dayjs rolls 02-30 over to 03-01; a date that is not on the calendar is shown as it came.
    return date.isValid() && date.format('YYYY-MM-DD') === value ? date : undefined
  }
  if (TIMESTAMP.test(value)) {
    const instant = dayjs.utc(value)
    return instant.isValid() ? instant.utcOffset(CST_MINUTES) : undefined
  }
  return undefined
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * '2024-06-30' or an ISO timestamp → '2024年6月30日'; anything else is shown as it came.
 * The server's timestamps (timeline, payments) are UTC: their date is taken in China Standard
 * Time, where 2026-12-08T17:00:00Z is already 12月9日, not by cutting the string.
 */
export function formatDate(value: string | undefined): string {
  if (!value) return ''
  return read(value)?.format('LL') ?? value
}

/** An ISO timestamp → '2026年12月9日上午8点30分' (China Standard Time); a plain date as formatDate. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return ''
  const moment = read(value)
  if (moment === undefined) return value
  return moment.format(PLAIN_DATE.test(value) ? 'LL' : 'LLL')
}

/** 'YYYY-MM' → '2026年9月'; anything else as it came. */
export function formatMonth(value: string | undefined): string {
  if (!value) return ''
  const month = /^\d{4}-\d{2}$/.test(value) ? dayjs(`${value}-01`) : undefined
  return month?.isValid() && month.format('YYYY-MM') === value ? month.format('YYYY年M月') : value
}

export function formatYuan(amount: number): string {
  return `${amount.toLocaleString('zh-CN')}元`
}
