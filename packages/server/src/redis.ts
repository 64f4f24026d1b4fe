/**
 * Redis connections (REDIS_URL), set up to fail fast rather than wait: a command while Redis is
 * unreachable is refused at once (no offline queue), and the connection keeps trying to come back
 * every ≤ 2 s. Callers bound each call with answerWithin (a Redis that accepts connections but does
 * not answer) and treat a failure as "Redis is down": they carry on in-process (rate limits, the
 * event bus). ioredis's own commandTimeout is not used: it leaves a timer behind for every command.
 */
import Redis from 'ioredis'

export type { Redis } from 'ioredis'

export interface RedisOptions {
  /** Subscriber connections wait for Redis instead of refusing (they send nothing on the hot path). */
  subscriber?: boolean
  /** Connect on first use instead of at once. */
  lazy?: boolean
}

export function connectRedis(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: options.lazy ?? false,
    enableOfflineQueue: options.subscriber ?? false,
    maxRetriesPerRequest: options.subscriber === true ? null : 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  })
  // Without a listener ioredis prints every failed reconnection; the users of the connection
  // report the outage once, in the server's log.
  redis.on('error', () => undefined)
  return redis
}

/** Closes politely when connected, at once otherwise (quit would wait for a connection that may never come). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect())
  } else {
    redis.disconnect()
  }
}

/** `work`, or a rejection once `ms` have passed without an answer (the timer never holds the process open). */
export function answerWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer from Redis within ${ms} ms`), { code: 'TIMEOUT' })), ms)
    timer.unref()
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}
