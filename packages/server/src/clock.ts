/**
 * The only place that reads the current date. "Today" is the date in Asia/Shanghai, the time
 * zone every rule of the policy speaks in, whatever zone the machine runs in.
 *
 * In development `POST /dev/clock` moves the clock to another day (to pass a public-notice
 * period in a test); the time of day keeps running, so timestamps and "today" stay consistent.
 */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export interface Clock {
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  today(): string
  now(): Date
  /** now() as milliseconds since the epoch, without building a Date (checked on every request). */
  nowMs(): number
  /** Moves the clock so that today() answers `today`; development only (the route checks). */
  setToday(today: string): void
  /** Moves the clock `ms` milliseconds on (or back, when negative): tests of timeouts and lockouts. */
  advance(ms: number): void
}

export function shanghaiDate(instant: Date): string {
  return SHANGHAI_DATE.format(instant)
}

export const isIsoDay = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

export function createClock(options: { today?: string } = {}): Clock {
  let offsetMs = 0
  const nowMs = (): number => Date.now() + offsetMs
  const now = (): Date => new Date(nowMs())
  const clock: Clock = {
    now,
    nowMs,
    today: () => shanghaiDate(now()),
    setToday(today) {
      if (!isIsoDay(today)) throw new RangeError(`not a date: ${today}`)
      const current = Date.parse(`${shanghaiDate(now())}T00:00:00Z`)
      offsetMs += Date.parse(`${today}T00:00:00Z`) - current
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError(`not a duration: ${ms}`)
      offsetMs += ms
    },
  }
  if (options.today !== undefined) clock.setToday(options.today)
  return clock
}
