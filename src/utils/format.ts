/** Display helpers shared by pages: byte sizes, Chinese dates, yuan. */
import { today } from './today'

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
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(Number.isNaN(instant) ? value : today(instant))
  if (!match) return value
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`
}

export function formatYuan(amount: number): string {
  return `${amount.toLocaleString('zh-CN')}元`
}
