/** GET /offices: talent service windows and social-insurance branches (no login needed). */
import { send } from './transport'
import type { OfficesResponse } from './types'

export function fetchOffices(): Promise<OfficesResponse> {
  return send<OfficesResponse>({ method: 'GET', path: '/offices' })
}
