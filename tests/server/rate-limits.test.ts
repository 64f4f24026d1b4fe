/** The per-address minute windows behind the rate limits (the routes' 429s are in sessions.test.ts). */
import { MinuteWindows } from '../../packages/server/src/plugins/external/rate-limits'

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0)

it('lets max requests of an address through in a minute, then says how many seconds remain', () => {
  const windows = new MinuteWindows(3)
  expect([windows.hit('a', T0), windows.hit('a', T0 + 1_000), windows.hit('a', T0 + 2_000)]).toEqual([0, 0, 0])
  expect(windows.hit('a', T0 + 20_000)).toBe(40)
  expect(windows.hit('a', T0 + 59_001)).toBe(1)
  expect(windows.hit('b', T0 + 20_000)).toBe(0)
})

it('opens a new window once the minute is over, refusals included', () => {
  const windows = new MinuteWindows(1)
  expect(windows.hit('a', T0)).toBe(0)
  expect(windows.hit('a', T0 + 30_000)).toBe(30)
  expect(windows.hit('a', T0 + 60_000)).toBe(0)
  expect(windows.hit('a', T0 + 60_001)).toBe(60)
})

it('forgets the windows closest to their end first when more addresses are live than it keeps', () => {
  const windows = new MinuteWindows(1, 3)
  for (const [key, at] of [['a', 0], ['b', 1_000], ['c', 2_000]] as const) expect(windows.hit(key, T0 + at)).toBe(0)
  expect(windows.hit('d', T0 + 3_000)).toBe(0)
  // 'a' was forgotten and starts afresh; 'b', 'c' and 'd' are still counted.
  expect(windows.hit('a', T0 + 4_000)).toBe(0)
  expect(windows.hit('c', T0 + 4_000)).toBeGreaterThan(0)
  expect(windows.hit('d', T0 + 4_000)).toBeGreaterThan(0)
})

it('sweeps expired windows before forgetting live ones', () => {
  const windows = new MinuteWindows(1, 2)
  expect(windows.hit('old', T0)).toBe(0)
  expect(windows.hit('live', T0 + 50_000)).toBe(0)
  // 'old' has expired by now: it goes, and 'live' keeps its count.
  expect(windows.hit('new', T0 + 61_000)).toBe(0)
  expect(windows.hit('live', T0 + 61_000)).toBeGreaterThan(0)
})
