/** Date arithmetic for expectations, written here rather than borrowed from the code under test. */

/** '2026-03-01' → '2026年3月1日', as the app writes dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** The first day of the month `months` after the month of `iso`. */
export function firstOfMonthAfter(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  return target.toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The calendar day of an instant in China (UTC+8, no daylight saving), the day an applicant reads. */
export function chinaDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10)
}
