/** POST /sessions: a platform login code for a Bearer token. */
import type { Platform } from './types'
import { send } from './transport'

export function createSession(body: { platform: Platform; code: string }): Promise<{ token: string }> {
  return send<{ token: string }>({ method: 'POST', path: '/sessions', data: body })
}
