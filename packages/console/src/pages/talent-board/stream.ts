/**
 * The live request board's connection (docs/talent-api.md, "Stream events"): an EventSource on
 * /api/v1/staff/talent/stream (same origin, the cookie goes along). No polling:
 * - `request` → a pop-up with the talent's name, tier and photo (and a beep, unless turned off);
 * - `status` → the list is read again, and a pop-up whose request a colleague handled goes away;
 * - `gap` → events may have been lost: the list is read again;
 * - `session-ended` → the sign-in ended: the stream is closed and the page goes to sign-in.
 * A dropped connection the browser retries itself (the server says `retry: 3000`); one the browser
 * gave up on (an error answer) is retried here with a growing delay, after asking whether the
 * session still stands (a 401 there means sign in again). After any reconnection the list is read
 * again, since events may have been missed meanwhile.
 */
import type { TalentRequestStatus, TalentStreamRequestEvent, TalentStreamStatusEvent } from '@zhihui/core'

/** The part of EventSource used here (the browser's, or a test's fake). */
export interface EventSourceLike {
  readonly readyState: number
  onopen: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void
  close(): void
}

export const EVENT_SOURCE_CLOSED = 2

export type StreamConnection = 'connecting' | 'open' | 'retrying' | 'ended'

export interface StreamHandlers {
  onRequest: (event: TalentStreamRequestEvent) => void
  onStatus: (event: TalentStreamStatusEvent) => void
  /** Read the list again: a `gap`, or the connection came back after a drop. */
  onResync: () => void
  onSessionEnded: () => void
  onConnection?: (state: StreamConnection) => void
}

export interface StreamOptions {
  url: string
  createSource?: (url: string) => EventSourceLike
  /**
   * Before a reconnection the browser gave up on: true signed in, false signed out (then the
   * page goes to sign-in), a throw for "cannot tell" (network down: try again later).
   */
  checkSession: () => Promise<boolean>
  /** Delays before the reconnections made here, the last one repeating. */
  retryDelaysMs?: readonly number[]
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export const DEFAULT_RETRY_DELAYS_MS = [3_000, 6_000, 15_000, 30_000] as const

const STATUSES: readonly TalentRequestStatus[] = ['open', 'confirmed', 'arranged', 'done', 'rated', 'cancelled']

function parse(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A `request` event's data, or undefined when it is not one (a malformed event is ignored). */
export function parseRequestEvent(data: unknown): TalentStreamRequestEvent | undefined {
  const value = parse(data)
  if (!value) return undefined
  const { requestId, name, tierLabel, serviceLabel } = value
  if (typeof requestId !== 'string' || typeof name !== 'string' || typeof tierLabel !== 'string' || typeof serviceLabel !== 'string') return undefined
  return {
    ...(value as unknown as TalentStreamRequestEvent),
    photoUrl: typeof value.photoUrl === 'string' && value.photoUrl !== '' ? value.photoUrl : null,
  }
}

export function parseStatusEvent(data: unknown): TalentStreamStatusEvent | undefined {
  const value = parse(data)
  if (!value || typeof value.requestId !== 'string' || !STATUSES.includes(value.status as TalentRequestStatus)) return undefined
  return value as unknown as TalentStreamStatusEvent
}

/** Opens the stream; answers a function that closes it for good. */
export function connectTalentStream(handlers: StreamHandlers, options: StreamOptions): () => void {
  const create = options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }) as unknown as EventSourceLike)
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms))
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  let source: EventSourceLike | undefined
  let timer: unknown
  let stopped = false
  let openedBefore = false
  let dropped = false
  let attempt = 0

  const connection = (state: StreamConnection) => handlers.onConnection?.(state)

  function stop(): void {
    stopped = true
    if (timer !== undefined) clearTimer(timer)
    timer = undefined
    source?.close()
    source = undefined
  }

  function open(): void {
    if (stopped) return
    connection(openedBefore ? 'retrying' : 'connecting')
    const es = create(options.url)
    source = es
    es.onopen = () => {
      if (source !== es) return
      attempt = 0
      connection('open')
      if (openedBefore && dropped) handlers.onResync()
      openedBefore = true
      dropped = false
    }
    es.onerror = () => {
      if (source !== es || stopped) return
      dropped = true
      if (es.readyState !== EVENT_SOURCE_CLOSED) {
        // The browser reconnects by itself (after the server's `retry:`).
        connection('retrying')
        return
      }
      es.close()
      source = undefined
      later()
    }
    es.addEventListener('request', (event) => {
      const parsed = parseRequestEvent(event.data)
      if (parsed) handlers.onRequest(parsed)
    })
    es.addEventListener('status', (event) => {
      const parsed = parseStatusEvent(event.data)
      if (parsed) handlers.onStatus(parsed)
    })
    es.addEventListener('gap', () => handlers.onResync())
    es.addEventListener('session-ended', () => {
      stop()
      connection('ended')
      handlers.onSessionEnded()
    })
  }

  /** A reconnection of our own, after asking whether the session still stands. */
  function later(): void {
    if (stopped) return
    connection('retrying')
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 30_000
    attempt += 1
    timer = setTimer(() => {
      timer = undefined
      options.checkSession().then(
        (signedIn) => {
          if (stopped) return
          if (signedIn) open()
          else {
            stop()
            connection('ended')
            handlers.onSessionEnded()
          }
        },
        () => later(),
      )
    }, delay)
  }

  open()
  return stop
}

/** The pop-ups on screen: newest first, one per request. */
export interface PopupState {
  popups: TalentStreamRequestEvent[]
  /** Bumped on every new request: the page beeps when it changes (and the sound is on). */
  arrivals: number
}

export type PopupAction =
  | { type: 'request'; event: TalentStreamRequestEvent }
  | { type: 'status'; event: TalentStreamStatusEvent }
  | { type: 'dismiss'; requestId: string }
  | { type: 'clear' }

export const INITIAL_POPUPS: PopupState = { popups: [], arrivals: 0 }

/** At most this many pop-ups stay on screen (the list below has them all). */
export const MAX_POPUPS = 3

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'request': {
      const others = state.popups.filter((p) => p.requestId !== action.event.requestId)
      return { popups: [action.event, ...others].slice(0, MAX_POPUPS), arrivals: state.arrivals + 1 }
    }
    case 'status':
      // Confirmed (by anyone) or cancelled by the talent: nothing left to pop up for.
      if (action.event.status === 'open') return state
      return state.popups.some((p) => p.requestId === action.event.requestId)
        ? { ...state, popups: state.popups.filter((p) => p.requestId !== action.event.requestId) }
        : state
    case 'dismiss':
      return { ...state, popups: state.popups.filter((p) => p.requestId !== action.requestId) }
    case 'clear':
      return { ...state, popups: [] }
  }
}
