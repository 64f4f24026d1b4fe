/**
 * The high-level talent services (/talent): verification against the talent registry, the service
 * catalogue, one-tap requests (one Idempotency-Key per tap), my requests, the undo, the rating.
 */
import type {
  RatingLevel,
  TalentProfileResponse,
  TalentRequestFiled,
  TalentRequestsResponse,
  TalentServicesResponse,
  TalentVerificationBody,
} from '@zhihui/core'
import { call } from './http'
import { send } from './transport'

export function verifyTalent(body: TalentVerificationBody): Promise<TalentProfileResponse> {
  return call<TalentProfileResponse>('POST', '/talent/verification', { data: body })
}

export function fetchTalentProfile(): Promise<TalentProfileResponse> {
  return call<TalentProfileResponse>('GET', '/talent/me')
}

/** The catalogue needs no login. */
export function fetchTalentServices(): Promise<TalentServicesResponse> {
  return send<TalentServicesResponse>({ method: 'GET', path: '/talent/services' })
}

/** The same key for every retry of one tap: the server files one request per key. */
export function fileTalentRequest(serviceId: string, idempotencyKey: string, note?: string): Promise<TalentRequestFiled> {
  return call<TalentRequestFiled>('POST', '/talent/requests', {
    data: { serviceId, ...(note ? { note } : {}) },
    header: { 'Idempotency-Key': idempotencyKey },
  })
}

export function fetchTalentRequests(): Promise<TalentRequestsResponse> {
  return call<TalentRequestsResponse>('GET', '/talent/requests')
}

export function cancelTalentRequest(requestId: string): Promise<TalentRequestFiled> {
  return call<TalentRequestFiled>('POST', `/talent/requests/${encodeURIComponent(requestId)}/cancel`, { data: {} })
}

export interface RatingBody {
  level: RatingLevel
  comment?: string
  complaint?: string
}

export function rateTalentRequest(requestId: string, body: RatingBody): Promise<{ requestId: string; status: string; followUpDue: string | null }> {
  return call('POST', `/talent/requests/${encodeURIComponent(requestId)}/rating`, { data: body })
}
