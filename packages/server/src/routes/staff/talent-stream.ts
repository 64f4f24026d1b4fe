/**
 * GET /staff/talent/stream: Server-Sent Events to the console (design.md: new requests pushed the
 * moment they are filed, with the talent's name, tier and photo; no polling).
 *
 *   event: request  data: {requestId, name, tier, tierLabel, serviceId, serviceLabel, bureau, filedAt, photoUrl}
 *   event: status   data: {requestId, status, bureau, serviceId, at}
 *   event: gap      data: {}   events may have been lost (Redis reconnected): read the list again
 *   event: session-ended       the sign-in ended (logout, 30 min idle, 8 h, account disabled)
 *   : keep-alive               a comment every 15 s, so proxies keep the connection open
 *
 * Service staff and bureau accounts get their own bureau's events with the photo's URL; the leader
 * every bureau's, without photos. The stream is not activity: it never extends the session, and
 * it ends when the session would.
 */
import { STAFF_SECURITY } from '@zhihui/core'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ServerResponse } from 'node:http'
import { tokenHash } from '../../crypto/tokens'
import { findStaffById, findStaffSession } from '../../repositories/staff'
import { staffOf, staffToken } from '../../plugins/app/staff-auth'
import type { TalentBusEvent } from '../../services/talent'
import { talentScopeOf } from '../../services/talent/talent-staff-service'
import { API_PHOTO_PATH } from '../../services/talent/talent-view'
import { errorResponses, STAFF_READ } from '../../schemas/common'

const streamSchema = {
  tags: ['staff', 'talent'],
  summary: '服务请求的实时推送（Server-Sent Events）',
  description:
    '事件：request（新请求：requestId、name、tier、tierLabel、serviceId、serviceLabel、bureau、filedAt、photoUrl）、' +
    'status（状态变化：requestId、status、bureau、serviceId、at）、gap（可能丢失事件，请重新读取列表）、' +
    'session-ended（登录已结束）；每 15 秒一条 keep-alive 注释。推送不延长会话。',
  security: STAFF_READ,
  response: {
    200: { description: '事件流', content: { 'text/event-stream': { schema: { type: 'string' } } } },
    ...errorResponses(401, 403),
  },
}

export const KEEP_ALIVE_MS = 15_000
const IDLE_MS = STAFF_SECURITY.idleMinutes * 60_000

/** One event in the wire format: `event:` line, one `data:` line of JSON, blank line. */
export const sseEvent = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

/** What a viewer of `scope` is sent for a bus event, or undefined when it is not theirs. */
export function eventFor(scope: { bureau: string | null }, event: TalentBusEvent): string | undefined {
  if (scope.bureau !== null && scope.bureau !== event.bureau) return undefined
  if (event.type === 'status') return sseEvent('status', event.payload)
  return sseEvent('request', { ...event.payload, photoUrl: scope.bureau === null ? null : `${API_PHOTO_PATH}${event.talentId}` })
}

/**
 * Every `everyMs`: a keep-alive comment while the sign-in lasts, else `session-ended` and the end.
 * A failed session check (database busy) is not the end of the session: it keeps the stream.
 */
export function keepAlive(options: { everyMs: number; stillSignedIn: () => Promise<boolean>; write: (text: string) => void; end: () => void }): () => void {
  const timer = setInterval(() => {
    options.stillSignedIn().then(
      (yes) => {
        if (yes) {
          options.write(': keep-alive\n\n')
        } else {
          options.write(sseEvent('session-ended', {}))
          options.end()
        }
      },
      () => options.write(': keep-alive\n\n'),
    )
  }, options.everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

export function registerTalentStream(app: FastifyInstance): void {
  const open = new Set<ServerResponse>()
  const { db, clock } = app.ctx

  /** Still signed in: the session exists, is within 8 hours and 30 idle minutes, the account active. */
  async function stillSignedIn(token: string | undefined, staffId: string): Promise<boolean> {
    if (token === undefined) return false
    const session = await findStaffSession(db, tokenHash(token))
    const now = clock.nowMs()
    if (session === undefined || now >= Date.parse(session.expires_at) || now - Date.parse(session.last_seen_at) >= IDLE_MS) return false
    const account = await findStaffById(db, staffId)
    return account !== undefined && account.disabled === 0
  }

  app.addHook('preClose', async () => {
    for (const response of open) response.end()
  })

  app.get(
    '/staff/talent/stream',
    { onRequest: app.staffGuard(['service-staff', 'bureau', 'leader']), schema: streamSchema },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const staff = staffOf(request)
      const scope = talentScopeOf(staff)
      const token = staffToken(request)
      const bus = app.services.talent.bus
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      })
      open.add(res)
      const write = (text: string): void => {
        if (!res.writableEnded) res.write(text)
      }
      let closed = false
      const stops: (() => void)[] = []
      const subscription: { end?: () => Promise<void> } = {}
      // Listening before subscribing: a client gone while the subscription is made leaks nothing.
      res.on('close', () => {
        closed = true
        open.delete(res)
        for (const stop of stops) stop()
        void subscription.end?.()
      })
      const unsubscribe = await bus.subscribe((event) => {
        const text = eventFor(scope, event)
        if (text !== undefined) write(text)
      })
      subscription.end = unsubscribe
      if (closed) {
        void unsubscribe()
        return
      }
      stops.push(
        bus.onGap(() => write(sseEvent('gap', {}))),
        keepAlive({ everyMs: KEEP_ALIVE_MS, stillSignedIn: () => stillSignedIn(token, staff.id), write, end: () => res.end() }),
      )
      // Reconnect after 3 s if the connection drops; the subscription is live from here on.
      write(`retry: 3000\n: connected ${staff.username}\n\n`)
    },
  )
}
