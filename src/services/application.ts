/** The applicant's own application: save the draft, submit it, read its progress, withdraw it. */
import { call } from './http'
import type { ApplicationView, SaveApplicationResponse, SubmitResponse } from './types'

export function saveApplication(body: { facts: Record<string, unknown>; details: Record<string, unknown> }): Promise<SaveApplicationResponse> {
  return call<SaveApplicationResponse>('PUT', '/application', { data: body })
}

/** The same key for every retry of one attempt: the server files one application per key. */
export function submitApplication(idempotencyKey: string): Promise<SubmitResponse> {
  return call<SubmitResponse>('POST', '/application/submit', { data: {}, header: { 'Idempotency-Key': idempotencyKey } })
}

export function fetchApplication(): Promise<ApplicationView> {
  return call<ApplicationView>('GET', '/application')
}

export function withdrawApplication(): Promise<SubmitResponse> {
  return call<SubmitResponse>('POST', '/application/withdraw', { data: {} })
}

/** The applicant's answer to the subscription request: with it accepted, status messages also come to WeChat / Alipay. */
export function recordSubscription(templates: string[], accepted: boolean): Promise<unknown> {
  return call<unknown>('POST', '/application/subscriptions', { data: { templates, accepted } })
}
