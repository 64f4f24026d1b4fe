/** GET /me: the binding (masked) and the application summary, the same on every platform. */
import { call } from './http'
import type { MeResponse } from './types'

export function fetchMe(): Promise<MeResponse> {
  return call<MeResponse>('GET', '/me')
}
