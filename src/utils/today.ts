/**
 * Today's date in China Standard Time as 'YYYY-MM-DD'. Core never reads the clock, so the app
 * reads it here, once per call, and passes it in. CST has no daylight saving: UTC+8 all year,
 * whatever time zone the phone is set to.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000

export function today(now: number = Date.now()): string {
  return new Date(now + CST_OFFSET_MS).toISOString().slice(0, 10)
}
