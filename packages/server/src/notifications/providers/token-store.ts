/**
 * Where the WeChat access token is kept, so that every instance of the server uses the same one
 * and only one of them asks WeChat for a new one at a time.
 *
 * Why sharing matters even with the stable token: "获取稳定版接口调用凭据" (getStableAccessToken,
 * https://developers.weixin.qq.com/doc/channels/api/basic/api_getstableaccesstoken.html) answers
 * every caller in normal mode with the same token while it is valid, but a force_refresh
 * "会导致上次获取的 access_token 失效" — one instance refreshing would break the others' copies;
 * and the call has a daily quota. So the token lives in one place (Redis), refreshes take a lock
 * (SET NX PX, https://redis.io/docs/latest/commands/set/) and the other instances wait and read.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from '../../redis'

export interface StoredToken {
  token: string
  /** Epoch ms at which WeChat stops accepting it. */
  expiresAt: number
}

export interface TokenStore {
  readonly kind: 'redis' | 'memory'
  get(key: string): Promise<StoredToken | undefined>
  /** Kept `ttlMs`, then forgotten. */
  set(key: string, value: StoredToken, ttlMs: number): Promise<void>
  /** Forgets the token, only if it is still `token` (another instance may have replaced it meanwhile). */
  dropIf(key: string, token: string): Promise<void>
  /** The refresh lock for `ms` (then it lapses by itself, should its holder die): a release function, or undefined when someone else holds it. */
  lock(key: string, ms: number): Promise<(() => Promise<void>) | undefined>
}

/** One process: a Map and a flag. */
export function createMemoryTokenStore(clock: () => number = Date.now): TokenStore {
  const values = new Map<string, { value: StoredToken; until: number }>()
  const locks = new Map<string, { owner: string; until: number }>()
  return {
    kind: 'memory',
    async get(key) {
      const entry = values.get(key)
      if (entry === undefined || entry.until <= clock()) return undefined
      return entry.value
    },
    async set(key, value, ttlMs) {
      values.set(key, { value, until: clock() + ttlMs })
    },
    async dropIf(key, token) {
      if (values.get(key)?.value.token === token) values.delete(key)
    },
    async lock(key, ms) {
      const held = locks.get(key)
      if (held !== undefined && held.until > clock()) return undefined
      const owner = randomUUID()
      locks.set(key, { owner, until: clock() + ms })
      return async () => {
        if (locks.get(key)?.owner === owner) locks.delete(key)
      }
    },
  }
}

/** Deletes KEYS[1] only while it still holds ARGV[1]: a release never removes a lock someone else took after ours lapsed. */
const DELETE_IF_EQUAL = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`
/** Deletes the token entry only while it still holds the bad token (compared on the stored JSON's token field). */
const DROP_IF_TOKEN = `local v = redis.call('get', KEYS[1]) if v and cjson.decode(v).token == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/** Keys under the deployment's REDIS_PREFIX, like the rate limits and the event bus. */
export function createRedisTokenStore(redis: Redis, prefix: string): TokenStore {
  const k = (key: string) => `${prefix}${key}`
  return {
    kind: 'redis',
    async get(key) {
      const raw = await redis.get(k(key))
      if (raw === null) return undefined
      try {
        const parsed = JSON.parse(raw) as StoredToken
        return typeof parsed.token === 'string' && typeof parsed.expiresAt === 'number' ? parsed : undefined
      } catch {
        return undefined
      }
    },
    async set(key, value, ttlMs) {
      await redis.set(k(key), JSON.stringify(value), 'PX', Math.max(1, Math.floor(ttlMs)))
    },
    async dropIf(key, token) {
      await redis.eval(DROP_IF_TOKEN, 1, k(key), token)
    },
    async lock(key, ms) {
      const owner = randomUUID()
      const taken = await redis.set(k(`${key}:lock`), owner, 'PX', ms, 'NX')
      if (taken !== 'OK') return undefined
      return async () => {
        await redis.eval(DELETE_IF_EQUAL, 1, k(`${key}:lock`), owner)
      }
    },
  }
}
