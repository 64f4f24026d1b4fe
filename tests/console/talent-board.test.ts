/**
 * The service staff's live board (packages/console/src/pages/talent-board): the arrange form's
 * checks, the stream handler (event → pop-up state; gap, drop and session end), the sound switch.
 */
import type { TalentStreamRequestEvent } from '@zhihui/core'
import dayjs from 'dayjs'
import { arrangeErrors, arrangeFieldError, arrangementBody } from '../../packages/console/src/pages/talent-board/arrange-rules'
import { readSoundOn, shouldBeep, SOUND_STORAGE_KEY, writeSoundOn } from '../../packages/console/src/pages/talent-board/sound'
import {
  connectTalentStream,
  EVENT_SOURCE_CLOSED,
  INITIAL_POPUPS,
  MAX_POPUPS,
  parseRequestEvent,
  popupReducer,
  type EventSourceLike,
  type StreamHandlers,
} from '../../packages/console/src/pages/talent-board/stream'

const now = dayjs('2026-12-02T10:00:00+08:00')

describe('the arrange form', () => {
  const good = { when: now.add(1, 'day'), where: '市教育局二楼', who: '张老师', phone: '0371-67188888' }

  it('passes a complete arrangement and sends it as staff wrote it', () => {
    expect(arrangeErrors(good, now)).toEqual({})
    expect(arrangementBody({ ...good, where: '  市教育局二楼 ', phone: ' ' })).toEqual({
      when: good.when.format('YYYY-MM-DD HH:mm'),
      where: '市教育局二楼',
      who: '张老师',
    })
    expect(arrangementBody(good).phone).toBe('0371-67188888')
  })

  it('asks for when, where and who, in Chinese', () => {
    expect(arrangeErrors({}, now)).toEqual({ when: '请选择服务时间', where: '请填写服务地点', who: '请填写服务人员' })
    expect(arrangeFieldError('where', { where: '   ' }, now)).toBe('请填写服务地点')
  })

  it('refuses a time in the past, texts over 100 characters and a phone with letters', () => {
    expect(arrangeFieldError('when', { when: now.subtract(1, 'hour') }, now)).toBe('服务时间不能早于现在')
    expect(arrangeFieldError('when', { when: now }, now)).toBeUndefined()
    expect(arrangeFieldError('when', { when: dayjs('not a date') }, now)).toBe('请选择服务时间')
    expect(arrangeFieldError('where', { where: '地'.repeat(101) }, now)).toBe('服务地点最多100个字')
    expect(arrangeFieldError('who', { who: '人'.repeat(100) }, now)).toBeUndefined()
    expect(arrangeFieldError('phone', { phone: '电话12' }, now)).toBe('联系电话只能包含数字和“-”，5 至 20 位')
    expect(arrangeFieldError('phone', { phone: '1234' }, now)).toBe('联系电话只能包含数字和“-”，5 至 20 位')
    expect(arrangeFieldError('phone', { phone: '13800138000' }, now)).toBeUndefined()
    expect(arrangeFieldError('phone', {}, now)).toBeUndefined()
  })
})

const event = (requestId: string, name = '王建国'): TalentStreamRequestEvent => ({
  requestId,
  name,
  tier: 'top',
  tierLabel: '顶尖人才',
  serviceId: 'children-schooling',
  serviceLabel: '子女入学',
  bureau: '教育局',
  filedAt: '2026-12-02T02:00:00.000Z',
  photoUrl: `/api/v1/staff/talent/photos/${requestId}`,
})

describe('the pop-up state', () => {
  it('pops up a new request newest first, once per request, and counts arrivals for the sound', () => {
    let state = popupReducer(INITIAL_POPUPS, { type: 'request', event: event('r1') })
    state = popupReducer(state, { type: 'request', event: event('r2', '李红梅') })
    expect(state.popups.map((p) => p.requestId)).toEqual(['r2', 'r1'])
    expect(state.arrivals).toBe(2)
    state = popupReducer(state, { type: 'request', event: event('r1') })
    expect(state.popups.map((p) => p.requestId)).toEqual(['r1', 'r2'])
    for (let i = 3; i < 10; i += 1) state = popupReducer(state, { type: 'request', event: event(`r${i}`) })
    expect(state.popups).toHaveLength(MAX_POPUPS)
    expect(state.popups[0]?.requestId).toBe('r9')
  })

  it('drops a pop-up when dismissed, or when the request was confirmed or cancelled elsewhere', () => {
    let state = popupReducer(INITIAL_POPUPS, { type: 'request', event: event('r1') })
    state = popupReducer(state, { type: 'request', event: event('r2') })
    state = popupReducer(state, { type: 'status', event: { requestId: 'r1', status: 'open', bureau: '教育局', serviceId: 's', at: '' } })
    expect(state.popups).toHaveLength(2)
    state = popupReducer(state, { type: 'status', event: { requestId: 'r1', status: 'confirmed', bureau: '教育局', serviceId: 's', at: '' } })
    expect(state.popups.map((p) => p.requestId)).toEqual(['r2'])
    state = popupReducer(state, { type: 'dismiss', requestId: 'r2' })
    expect(state.popups).toEqual([])
    expect(state.arrivals).toBe(2)
  })

  it('reads a request event, ignoring malformed ones', () => {
    expect(parseRequestEvent(JSON.stringify(event('r1')))).toEqual(event('r1'))
    expect(parseRequestEvent(JSON.stringify({ ...event('r1'), photoUrl: null }))?.photoUrl).toBeNull()
    expect(parseRequestEvent('{not json')).toBeUndefined()
    expect(parseRequestEvent(JSON.stringify({ requestId: 'r1' }))).toBeUndefined()
  })
})

class FakeSource implements EventSourceLike {
  static made: FakeSource[] = []
  readyState = 0
  onopen: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  closed = false
  private listeners = new Map<string, ((event: { data?: unknown }) => void)[]>()
  constructor(readonly url: string) {
    FakeSource.made.push(this)
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
    this.readyState = EVENT_SOURCE_CLOSED
  }
  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: data === undefined ? undefined : JSON.stringify(data) })
  }
  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }
  fail(closed: boolean): void {
    this.readyState = closed ? EVENT_SOURCE_CLOSED : 0
    this.onerror?.({})
  }
}

function setup(checkSession: () => Promise<boolean> = async () => true) {
  FakeSource.made = []
  const calls: string[] = []
  const timers: (() => void)[] = []
  const handlers: StreamHandlers = {
    onRequest: (e) => calls.push(`request ${e.requestId} ${e.name}`),
    onStatus: (e) => calls.push(`status ${e.requestId} ${e.status}`),
    onResync: () => calls.push('resync'),
    onSessionEnded: () => calls.push('session-ended'),
    onConnection: (state) => calls.push(`connection ${state}`),
  }
  const stop = connectTalentStream(handlers, {
    url: '/api/v1/staff/talent/stream',
    createSource: (url) => new FakeSource(url),
    checkSession,
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
  })
  return { calls, timers, stop, source: () => FakeSource.made[FakeSource.made.length - 1] as FakeSource }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the stream handler', () => {
  it('hands request and status events on, and reads the list again on a gap', () => {
    const { calls, source } = setup()
    expect(source().url).toBe('/api/v1/staff/talent/stream')
    source().open()
    source().emit('request', event('r1'))
    source().emit('request', { nonsense: true })
    source().emit('status', { requestId: 'r1', status: 'confirmed', bureau: '教育局', serviceId: 's', at: '' })
    source().emit('gap', {})
    expect(calls).toEqual(['connection connecting', 'connection open', 'request r1 王建国', 'status r1 confirmed', 'resync'])
  })

  it('reads the list again after the browser reconnected a dropped stream', () => {
    const { calls, source } = setup()
    source().open()
    source().fail(false)
    source().open()
    expect(calls).toEqual(['connection connecting', 'connection open', 'connection retrying', 'connection open', 'resync'])
    expect(FakeSource.made).toHaveLength(1)
  })

  it('reconnects itself when the browser gave up, after checking the session', async () => {
    const { calls, timers, source } = setup()
    source().open()
    source().fail(true)
    expect(source().closed).toBe(true)
    expect(timers).toHaveLength(1)
    timers.shift()?.()
    await flush()
    expect(FakeSource.made).toHaveLength(2)
    source().open()
    expect(calls.slice(-2)).toEqual(['connection open', 'resync'])
  })

  it('goes to sign-in when the session ended: on the event, or when the check before a reconnection says so', async () => {
    const first = setup()
    first.source().open()
    first.source().emit('session-ended', {})
    expect(first.source().closed).toBe(true)
    expect(first.calls.slice(-2)).toEqual(['connection ended', 'session-ended'])

    const second = setup(async () => false)
    second.source().fail(true)
    second.timers.shift()?.()
    await flush()
    expect(second.calls.slice(-1)).toEqual(['session-ended'])
    expect(FakeSource.made).toHaveLength(1)
  })

  it('keeps trying while the session cannot be checked (network down), and stops when closed', async () => {
    let fails = true
    const { timers, stop, source } = setup(async () => {
      if (fails) throw new Error('offline')
      return true
    })
    source().fail(true)
    timers.shift()?.()
    await flush()
    expect(timers).toHaveLength(1)
    fails = false
    stop()
    timers.shift()?.()
    await flush()
    expect(FakeSource.made).toHaveLength(1)
  })
})

describe('the sound switch', () => {
  const memory = () => {
    const data = new Map<string, string>()
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
  }

  it('is on until turned off, and remembers it', () => {
    const store = memory()
    expect(readSoundOn(store)).toBe(true)
    writeSoundOn(false, store)
    expect(store.data.get(SOUND_STORAGE_KEY)).toBe('off')
    expect(readSoundOn(store)).toBe(false)
    writeSoundOn(true, store)
    expect(readSoundOn(store)).toBe(true)
  })

  it('survives a storage that throws (private mode)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(readSoundOn(broken)).toBe(true)
    expect(() => writeSoundOn(false, broken)).not.toThrow()
  })

  it('beeps for a new arrival only when on', () => {
    expect(shouldBeep(true, 0, 1)).toBe(true)
    expect(shouldBeep(false, 0, 1)).toBe(false)
    expect(shouldBeep(true, 1, 1)).toBe(false)
  })
})
