/**
 * Requests per client address and minute: one generous limit shared by every route, and a
 * stricter one of its own for the routes that name one (sessions, card binding), as
 * @fastify/rate-limit counted them. Written out here because that plugin's asynchronous hook (a
 * chain of promises and a fresh route-options object per request) cost every request about a
 * tenth of a progress poll; this hook is synchronous and allocates nothing once the window exists.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import { AppError } from '../../errors'

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

function limitHook(windows: MinuteWindows): onRequestHookHandler {
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

/** Installs the limits on every route added after it (register it before the routes). */
export function addRateLimits(app: FastifyInstance, perMinute: number): void {
  const shared = limitHook(new MinuteWindows(perMinute))
  app.addHook('onRoute', (route) => {
    const own = route.config?.rateLimitPerMinute
    if (own === false) return
    const hook = own === undefined ? shared : limitHook(new MinuteWindows(own))
    const hooks = route.onRequest
    route.onRequest = hooks === undefined ? [hook] : [...(Array.isArray(hooks) ? hooks : [hooks]), hook]
  })
}
