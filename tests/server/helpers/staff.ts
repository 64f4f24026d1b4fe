/**
 * A staff member's browser, over app.inject: signs in, keeps the `zh_staff` cookie, and sends the
 * console's CSRF header on every request (`csrf: false` leaves it out, to test the refusal).
 */
import type { FastifyInstance } from 'fastify'
import { API, wrap, type Sent } from './client'

export const DEV_PASSWORD = 'zhihui-dev-2026'
export const CSRF = { 'x-requested-with': 'zhihui-console' }

export class StaffClient {
  cookie: string | undefined
  constructor(private readonly app: () => FastifyInstance) {}

  private headers(csrf: boolean, extra: Record<string, string> = {}): Record<string, string> {
    return { ...(csrf ? CSRF : {}), ...(this.cookie !== undefined ? { cookie: `zh_staff=${this.cookie}` } : {}), ...extra }
  }

  async signIn(username: string, password = DEV_PASSWORD, totp?: string): Promise<Sent> {
    const res = await this.send('POST', '/staff/session', { username, password, ...(totp !== undefined ? { totp } : {}) })
    const set = res.raw.cookies.find((c) => c.name === 'zh_staff')
    if (set !== undefined) this.cookie = set.value
    return res
  }

  async get(path: string): Promise<Sent> {
    return wrap(await this.app().inject({ method: 'GET', url: API + path, headers: this.headers(false) }))
  }

  async send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<Sent> {
    return wrap(
      await this.app().inject({
        method,
        url: API + path,
        headers: this.headers(options.csrf ?? true),
        ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
      }),
    )
  }
}

/** Signs in as a development account (see DEV_STAFF) and fails the test if that does not work. */
export async function staff(app: () => FastifyInstance, username: string): Promise<StaffClient> {
  const client = new StaffClient(app)
  const res = await client.signIn(username)
  if (res.status !== 200) throw new Error(`staff sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return client
}
