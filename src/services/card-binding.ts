/** POST /card-binding: checks name, ID number and card number against the social-security registry. */
import { call } from './http'
import type { BindingSummary } from './types'

export interface CardBindingRequest {
  consent: true
  name: string
  idNumber: string
  cardNumber: string
}

export function bindCard(body: CardBindingRequest): Promise<{ binding: BindingSummary }> {
  return call<{ binding: BindingSummary }>('POST', '/card-binding', { data: body })
}
