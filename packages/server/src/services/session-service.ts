/** Sessions: a platform identity becomes an account, the account gets a random Bearer token stored hashed. */
import { invalid, unauthorized } from '../errors'
import { newToken, tokenHash } from '../crypto/tokens'
import { findOrCreateAccount, findSessionAccount, insertSession } from '../repositories/accounts'
import type { IdentityProvider } from '../auth/identity'
import { PLATFORMS, type Platform } from '../auth/identity'
import type { ApplicantAuth, ServiceDeps } from './deps'
import { LruCache } from './lru-cache'

const SESSION_DAYS = 30

export function createSessionService(deps: ServiceDeps, identity: IdentityProvider) {
  const { db, clock } = deps
  /**
   * Sessions of bound accounts, by token hash. Safe to keep per process (even with several
   * processes on one PostgreSQL): a session is never changed, and an account's person, once set,
   * never changes either (binding another person is refused). Unbound accounts are always read
   * fresh, so a binding made through another process is seen at once.
   */
  const bound = new LruCache<string, { auth: ApplicantAuth; expiresAtMs: number }>(10_000)

  async function lookUp(hash: string): Promise<ApplicantAuth> {
    const row = await findSessionAccount(db, hash, clock.now().toISOString())
    if (row === undefined) throw unauthorized('登录已失效，请重新登录。')
    const auth = { accountId: row.accountId, personId: row.personId }
    if (row.personId !== null) bound.set(hash, { auth, expiresAtMs: Date.parse(row.expiresAt) })
    return auth
  }

  return {
    async open(body: { platform?: unknown; code?: unknown }): Promise<{ token: string }> {
      const platform = body.platform
      if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform)) {
        throw invalid('platform', '登录平台不正确，应为 weapp、alipay 或 h5。')
      }
      const code = body.code
      if (typeof code !== 'string' || code.trim() === '' || code.length > 256) {
        throw invalid('code', '登录凭证为空或过长，请重新进入小程序后再试。')
      }
      const userId = await identity.exchange(platform as Platform, code.trim())
      const now = clock.now()
      const account = await findOrCreateAccount(db, platform, userId, now.toISOString())
      const token = newToken()
      const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600_000)
      await insertSession(db, tokenHash(token), account.id, now.toISOString(), expires.toISOString())
      return { token }
    },

    /**
     * The account behind a Bearer header. A cached session is answered synchronously (no promise
     * on the path every poll takes); anything else is read from the database. Throws (or
     * rejects with) 401.
     */
    authenticate(header: string | undefined): ApplicantAuth | Promise<ApplicantAuth> {
      const token = bearer(header)
      if (token === undefined) throw unauthorized()
      const hash = tokenHash(token)
      const cached = bound.get(hash)
      if (cached !== undefined && cached.expiresAtMs > clock.nowMs()) return cached.auth
      return lookUp(hash)
    },
  }
}

export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

export type SessionService = ReturnType<typeof createSessionService>
