/** GET /news: the bureaus' policy notices and news (信息联动), no login needed. */
import type { NewsResponse } from '@zhihui/core'
import { send } from './transport'

export function fetchNews(): Promise<NewsResponse> {
  return send<NewsResponse>({ method: 'GET', path: '/news' })
}
