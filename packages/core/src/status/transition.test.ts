import type { ApplicationEvent, ApplicationStatus } from '../types'
import { EVENT_LABELS, STATUS_LABELS } from './labels'
import { allowedEvents, EDITABLE_STATUSES, isActiveStatus, isEditableStatus, transition } from './transition'

const STATUSES: ApplicationStatus[] = ['draft', 'submitted', 'under-review', 'rejected', 'public-notice', 'paying', 'paid', 'stopped', 'withdrawn']
const EVENTS: ApplicationEvent[] = [
  'submit',
  'start-review',
  'approve',
  'reject',
  'resubmit',
  'object',
  'end-notice',
  'finish-payments',
  'stop',
  'resume',
  'withdraw',
]

/** design.md, "Legal transitions", written out here independently of the implementation's table. */
const LEGAL: [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'start-review', 'under-review'],
  ['under-review', 'approve', 'public-notice'],
  ['under-review', 'reject', 'rejected'],
  ['rejected', 'resubmit', 'submitted'],
  ['public-notice', 'end-notice', 'paying'],
  ['public-notice', 'object', 'under-review'],
  ['paying', 'finish-payments', 'paid'],
  ['paying', 'stop', 'stopped'],
  ['stopped', 'resume', 'paying'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['rejected', 'withdraw', 'withdrawn'],
]

const legalNext = (status: ApplicationStatus, event: ApplicationEvent) =>
  LEGAL.find(([from, on]) => from === status && on === event)?.[2]

const ALL_PAIRS = STATUSES.flatMap((status) => EVENTS.map((event) => [status, event] as const))

describe('transition: all 9 statuses × 11 events', () => {
  it('covers 99 pairs, 13 of them legal', () => {
    expect(ALL_PAIRS).toHaveLength(99)
    expect(LEGAL).toHaveLength(13)
    expect(ALL_PAIRS.filter(([s, e]) => legalNext(s, e) !== undefined)).toHaveLength(LEGAL.length)
  })

  it.each(ALL_PAIRS)('%s + %s', (status, event) => {
    const result = transition(status, event)
    const expected = legalNext(status, event)
    if (expected !== undefined) {
      expect(result).toEqual({ ok: true, value: expected })
    } else {
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('ILLEGAL_TRANSITION')
      expect(result.error.message).toContain(STATUS_LABELS[status])
      expect(result.error.message).toContain(EVENT_LABELS[event])
    }
  })
})

describe('monthly payments (design.md, "Monthly payments")', () => {
  it('no single event pays an application off: confirm-payment is gone', () => {
    expect(transition('paying', 'confirm-payment' as ApplicationEvent)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
  })

  it('a stopped application may only be resumed, and says so', () => {
    const result = transition('stopped', 'finish-payments')
    expect(!result.ok && result.error.message).toBe('申请当前状态为“已终止发放”，不能“全部月份发放完毕”。当前可进行的操作：“恢复发放”。')
  })
})

describe('ILLEGAL_TRANSITION messages', () => {
  it('name the status and event in Chinese and what can be done instead', () => {
    const result = transition('under-review', 'withdraw')
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ILLEGAL_TRANSITION',
        message: '申请当前状态为“审核中”，不能“撤回申请”。当前可进行的操作：“审核通过”、“审核不通过”。',
      },
    })
  })

  it('say when an application is finished', () => {
    const paid = transition('paid', 'withdraw')
    expect(!paid.ok && paid.error.message).toContain('补贴已按月发放完毕，申请已办结')
    const withdrawn = transition('withdrawn', 'submit')
    expect(!withdrawn.ok && withdrawn.error.message).toContain('请重新填写一份申请')
  })

  it('refuse a status or event that is not one of the known words (from storage or a request body)', () => {
    const badStatus = transition('archived' as ApplicationStatus, 'submit')
    expect(badStatus).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
    expect(!badStatus.ok && badStatus.error.message).toContain('无法识别的申请状态“archived”')
    const badEvent = transition('draft', 'toString' as ApplicationEvent)
    expect(badEvent).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
    expect(!badEvent.ok && badEvent.error.message).toContain('无法识别的操作“toString”')
    expect(transition('constructor' as ApplicationStatus, 'submit').ok).toBe(false)
  })
})

describe('allowedEvents', () => {
  it.each(STATUSES)('%s: exactly the design’s events', (status) => {
    const expected = LEGAL.filter(([from]) => from === status).map(([, event]) => event)
    expect([...allowedEvents(status)].sort()).toEqual([...expected].sort())
  })

  it('knows no events for an unknown status', () => {
    expect(allowedEvents('archived' as ApplicationStatus)).toEqual([])
  })
})

describe('labels', () => {
  it('name every status', () => {
    expect(STATUS_LABELS).toEqual({
      draft: '草稿',
      submitted: '已提交',
      'under-review': '审核中',
      rejected: '未通过',
      'public-notice': '公示中',
      paying: '发放中',
      paid: '发放完毕',
      stopped: '已终止发放',
      withdrawn: '已撤回',
    })
  })

  it('name every event in Chinese, each differently', () => {
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...EVENTS].sort())
    const labels = Object.values(EVENT_LABELS)
    expect(new Set(labels).size).toBe(labels.length)
    for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fff]+$/)
  })
})

describe('isActiveStatus: one application at a time, one subsidy per person', () => {
  it.each(STATUSES)('%s', (status) => {
    expect(isActiveStatus(status)).toBe(status !== 'withdrawn')
  })

  it('paid and stopped block a new application; withdrawn does not', () => {
    expect(isActiveStatus('paid')).toBe(true)
    expect(isActiveStatus('stopped')).toBe(true)
    expect(isActiveStatus('withdrawn')).toBe(false)
  })
})

describe('EDITABLE_STATUSES: the applicant changes the form and photos only before (re)submitting', () => {
  it('are exactly draft and rejected', () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual(['draft', 'rejected'])
  })

  it.each(STATUSES)('%s is editable only when its next move is the applicant’s submit or resubmit', (status) => {
    const own = allowedEvents(status).some((event) => event === 'submit' || event === 'resubmit')
    expect(isEditableStatus(status)).toBe(own)
  })

  it('an unknown status is not editable', () => {
    expect(isEditableStatus('archived')).toBe(false)
  })
})
