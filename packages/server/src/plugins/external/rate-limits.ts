/**
 * Requests per client address and minute: one generous limit shared by every route, and a
 * stricter one of its own for the routes that name one (sessions, card binding), as
 * @fastify/rate-limit counted them. Written out here because that plugin's asynchronous hook (a
 * chain of promises and a fresh route-options object per request) cost every request about a
 * tenth of a progress poll; this hook is synchronous and allocates nothing once the window exists.
 *
 * With REDIS_URL the counts are shared by every instance (SharedMinuteWindows below) without
 * putting Redis on the request's path: each instance decides at once from what it knows, and adds
 * its own counts to Redis every RATE_LIMIT_SYNC_MS (250 ms), reading the others' back in the same
 * round trip. When Redis is down, each instance counts alone again (and says so once in the log).
 */
import type { FastifyBaseLogger, FastifyInstance, onRequestHookHandler } from 'fastify'
import { AppError } from '../../errors'
import { answerWithin, type Redis } from '../../redis'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's own limit per client address and minute instead of the shared one; false: none. */
    rateLimitPerMinute?: number | false
  }
}

const WINDOW_MS = 60_000

interface Window {
  count: number
  endsAt: number
}

/**
 * Fixed one-minute windows by key. Every window lasts as long, so the map's insertion order is
 * the order they end in: expired ones are swept from the front, and when more than `capacity`
 * addresses are live the one closest to its end is forgotten first.
 */
export class MinuteWindows {
  private readonly windows = new Map<string, Window>()

  constructor(
    private readonly max: number,
    private readonly capacity = 10_000,
  ) {}

  /** Counts one request of `key` at `now` (ms); the seconds to wait if it is over the limit, else 0. */
  hit(key: string, now: number): number {
    let window = this.windows.get(key)
    if (window === undefined || window.endsAt <= now) {
      if (window !== undefined) this.windows.delete(key)
      window = { count: 0, endsAt: now + WINDOW_MS }
      this.windows.set(key, window)
      if (this.windows.size > this.capacity) this.sweep(now)
    }
    window.count += 1
    return window.count > this.max ? Math.ceil((window.endsAt - now) / 1000) : 0
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt > now && this.windows.size <= this.capacity) return
      this.windows.delete(key)
    }
  }
}

/** What a limit counts with: one request of `key` at `now`, answered with the seconds to wait (0: go ahead). */
export interface WindowCounter {
  hit(key: string, now: number): number
}

interface SharedWindow {
  key: string
  /** When the window ends: this instance's guess until Redis, which keeps the window, answers. */
  endsAt: number
  /** This instance's own requests in the window: on its own it never lets more than max through. */
  own: number
  /** Every instance's requests as Redis last counted them (this instance's sent ones included). */
  shared: number
  /** Counted here, not yet sent to Redis. */
  pending: number
  /** Sent to Redis, answer not yet back. */
  sending: number
  dirty: boolean
}

/**
 * Minute windows counted by every instance together through Redis. A request is decided here and
 * now from `shared + sending + pending` (and never more than max of this instance's own); the
 * counts go to Redis in batches. How precise that is: a request is refused once the window's
 * total as this instance knows it is over the limit, and what it does not know yet is at most the
 * other instances' requests of the last sync interval plus a round trip (250 ms by default). So
 * with N instances a client spreading a burst over all of them can get up to max plus N-1 sync
 * intervals' worth of its own rate through before every instance refuses, and never more than
 * N × max in a minute (each instance also caps its own count at max). The window itself is
 * Redis's: it starts with the first count any instance sends for the address and lasts a minute
 * by Redis's clock, which every instance adopts when it syncs.
 */
export class SharedMinuteWindows implements WindowCounter {
  private readonly windows = new Map<string, SharedWindow>()
  private dirty: SharedWindow[] = []

  constructor(
    /** Names the limit in Redis keys: 'all', or the route's own. */
    readonly name: string,
    private readonly max: number,
    private readonly sync: RateLimitSync,
    private readonly capacity = 10_000,
  ) {
    sync.add(this)
  }

  hit(key: string, now: number): number {
    let window = this.windows.get(key)
    if (window === undefined || window.endsAt <= now) {
      if (window !== undefined) this.windows.delete(key)
      window = { key, endsAt: now + WINDOW_MS, own: 0, shared: 0, pending: 0, sending: 0, dirty: false }
      this.windows.set(key, window)
      if (this.windows.size > this.capacity) this.sweep(now)
    }
    window.own += 1
    window.pending += 1
    if (!window.dirty) {
      window.dirty = true
      this.dirty.push(window)
      this.sync.schedule()
    }
    const known = window.shared + window.sending + window.pending
    return (known > window.own ? known : window.own) > this.max ? Math.ceil((window.endsAt - now) / 1000) : 0
  }

  /** The windows with counts to send; each is taken once (its dirty mark cleared). */
  takeDirty(): SharedWindow[] {
    const taken = this.dirty
    this.dirty = []
    const live: SharedWindow[] = []
    for (const window of taken) {
      window.dirty = false
      // A window replaced since (expired or forgotten) took its unsent counts with it.
      if (window.pending > 0 && this.windows.get(window.key) === window) live.push(window)
    }
    return live
  }

  /** Counts that could not be sent go back, to be sent with the next batch. */
  giveBack(window: SharedWindow, count: number): void {
    window.sending -= count
    if (this.windows.get(window.key) !== window) return
    window.pending += count
    if (!window.dirty) {
      window.dirty = true
      this.dirty.push(window)
    }
  }

  /** Redis's answer for a batch: every instance's count and the milliseconds the window has left. */
  settle(window: SharedWindow, count: number, total: number, msLeft: number, now: number): void {
    window.sending -= count
    window.shared = total
    if (this.windows.get(window.key) === window && msLeft > 0) window.endsAt = now + msLeft
  }

  hasDirty(): boolean {
    return this.dirty.length > 0
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key)
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.capacity) return
      this.windows.delete(key)
    }
  }
}

/** Adds `n` to a window's count, starting its minute if it is new; answers [count, ms left]. */
const WINDOW_HIT_LUA = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}
`

type WindowHitPipeline = { zhihuiWindowHit(key: string, count: number, windowMs: number): void }

/**
 * Sends the counts of every shared limit to Redis, one pipelined round trip per interval and only
 * while there is something to send (an idle instance sends nothing). Tracks whether Redis answers:
 * the first failure is logged as a warning (limits now per instance), the first success after it as
 * the recovery.
 */
export class RateLimitSync {
  private readonly limits: SharedMinuteWindows[] = []
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> | undefined
  private closed = false
  private down = false

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly intervalMs: number,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
  ) {
    if (!('zhihuiWindowHit' in redis)) redis.defineCommand('zhihuiWindowHit', { numberOfKeys: 1, lua: WINDOW_HIT_LUA })
    // The context's connection waits for its first user; a refused first attempt keeps retrying.
    if (redis.status === 'wait') redis.connect().catch(() => undefined)
  }

  add(limit: SharedMinuteWindows): void {
    this.limits.push(limit)
  }

  /** Whether the last batch reached Redis (false before the first one). */
  get shared(): boolean {
    return !this.down
  }

  schedule(): void {
    if (this.timer !== undefined || this.flushing !== undefined || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined
        if (this.limits.some((limit) => limit.hasDirty())) this.schedule()
      })
    }, this.intervalMs)
    this.timer.unref()
  }

  /** Sends what is pending now (the timer does this; tests call it to skip the wait). */
  async flush(): Promise<void> {
    const batch: { limit: SharedMinuteWindows; window: SharedWindow; count: number }[] = []
    const pipeline = this.redis.pipeline()
    for (const limit of this.limits) {
      for (const window of limit.takeDirty()) {
        const count = window.pending
        window.pending = 0
        window.sending += count
        batch.push({ limit, window, count })
        ;(pipeline as unknown as WindowHitPipeline).zhihuiWindowHit(`${this.prefix}rl:${limit.name}:${window.key}`, count, WINDOW_MS)
      }
    }
    if (batch.length === 0) return
    let results: [Error | null, unknown][] | null = null
    let failure: unknown
    try {
      // A Redis that does not answer counts as down; if the batch lands after all, those counts
      // are sent twice, which errs towards refusing early, never towards letting more through.
      results = await answerWithin(pipeline.exec(), 1_000)
    } catch (error) {
      failure = error
    }
    const now = Date.now()
    batch.forEach(({ limit, window, count }, i) => {
      const [error, value] = results?.[i] ?? [failure ?? new Error('no answer'), undefined]
      if (error === null && Array.isArray(value)) {
        limit.settle(window, count, Number(value[0]), Number(value[1]), now)
      } else {
        failure ??= error
        limit.giveBack(window, count)
      }
    })
    if (failure !== undefined && !this.down) {
      this.down = true
      const reason = failure instanceof Error ? failure.message : String(failure)
      this.log.warn({ reason }, 'rate limits: Redis unreachable, counting per instance until it is back')
    } else if (failure === undefined && this.down) {
      this.down = false
      this.log.info('rate limits: Redis is back, counts are shared by every instance again')
    }
  }

  /** Stops syncing; what was counted since the last sync is sent first, so a stopping instance's counts still count. */
  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.timer)
    this.timer = undefined
    await this.flushing
    if (!this.down && this.redis.status === 'ready') await this.flush()
  }
}

function limitHook(windows: WindowCounter): onRequestHookHandler {
  return (request, reply, done) => {
    const wait = windows.hit(request.ip, Date.now())
    if (wait === 0) {
      done()
      return
    }
    void reply.header('retry-after', String(wait))
    done(new AppError(429, 'RATE_LIMITED', '操作太频繁了，请稍等一分钟再试。'))
  }
}

/**
 * Installs the limits on every route added after it (register it before the routes). With `sync`,
 * the counts are shared through Redis; without, they are this process's own.
 */
export function addRateLimits(app: FastifyInstance, perMinute: number, sync?: RateLimitSync): void {
  const counter = (name: string, max: number): WindowCounter =>
    sync === undefined ? new MinuteWindows(max) : new SharedMinuteWindows(name, max, sync)
  const shared = limitHook(counter('all', perMinute))
  app.addHook('onRoute', (route) => {
    const own = route.config?.rateLimitPerMinute
    if (own === false) return
    const hook = own === undefined ? shared : limitHook(counter(`${String(route.method)}:${route.url}`, own))
    const hooks = route.onRequest
    route.onRequest = hooks === undefined ? [hook] : [...(Array.isArray(hooks) ? hooks : [hooks]), hook]
  })
}
