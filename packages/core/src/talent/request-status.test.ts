import { BUREAUS } from '../staff/roles'
import { TALENT_WINDOWS } from '../directories/talent-windows'
import {
  isDelivered,
  isTalentRequestStatus,
  talentEventsFrom,
  talentTransition,
  TALENT_REQUEST_EVENT_LABELS,
  TALENT_REQUEST_STATUS_LABELS,
  type TalentRequestEvent,
  type TalentRequestStatus,
} from './request-status'
import { TALENT_OFFICE, TALENT_SERVICES, talentServiceById } from './services'
import { isTalentTierId, talentTierLabel } from './tiers'

const STATUSES = Object.keys(TALENT_REQUEST_STATUS_LABELS) as TalentRequestStatus[]
const EVENTS = Object.keys(TALENT_REQUEST_EVENT_LABELS) as TalentRequestEvent[]

/** design.md: open → confirmed → arranged → done → rated, open → cancelled; written out independently. */
const LEGAL: [TalentRequestStatus, TalentRequestEvent, TalentRequestStatus][] = [
  ['open', 'confirm', 'confirmed'],
  ['confirmed', 'arrange', 'arranged'],
  ['arranged', 'finish', 'done'],
  ['done', 'rate', 'rated'],
  ['open', 'cancel', 'cancelled'],
]

describe('talentTransition: all 6 statuses × 5 events', () => {
  const pairs = STATUSES.flatMap((s) => EVENTS.map((e) => [s, e] as const))

  it.each(pairs)('%s + %s', (status, event) => {
    const expected = LEGAL.find(([from, on]) => from === status && on === event)?.[2]
    const result = talentTransition(status, event)
    if (expected !== undefined) {
      expect(result).toEqual({ ok: true, value: expected })
    } else {
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.message).toContain(TALENT_REQUEST_STATUS_LABELS[status])
      expect(!result.ok && result.error.message).toContain(TALENT_REQUEST_EVENT_LABELS[event])
    }
  })

  it('refuses words it does not know', () => {
    expect(talentTransition('archived' as TalentRequestStatus, 'confirm')).toMatchObject({ ok: false, error: { code: 'TALENT_ILLEGAL_TRANSITION' } })
    expect(talentTransition('open', 'toString' as TalentRequestEvent)).toMatchObject({ ok: false })
    expect(talentTransition('constructor' as TalentRequestStatus, 'confirm').ok).toBe(false)
  })

  it('lists the events of each status', () => {
    expect(talentEventsFrom('open').sort()).toEqual(['cancel', 'confirm'])
    expect(talentEventsFrom('rated')).toEqual([])
    expect(talentEventsFrom('archived' as TalentRequestStatus)).toEqual([])
    expect(isTalentRequestStatus('done')).toBe(true)
    expect(isTalentRequestStatus('hasOwnProperty')).toBe(false)
  })

  it('counts done and rated as delivered', () => {
    expect(STATUSES.filter(isDelivered)).toEqual(['done', 'rated'])
  })
})

describe('TALENT_SERVICES (configuration)', () => {
  it('has unique ids, each served by a known bureau', () => {
    expect(new Set(TALENT_SERVICES.map((s) => s.id)).size).toBe(TALENT_SERVICES.length)
    for (const service of TALENT_SERVICES) expect(BUREAUS).toContain(service.bureau)
    expect(talentServiceById('children-schooling')?.bureau).toBe('教育局')
    expect(talentServiceById('nope')).toBeUndefined()
  })

  it('sends people not in the registry to the city bureau’s talent window', () => {
    const city = TALENT_WINDOWS.find((w) => w.cityLevel)
    expect(TALENT_OFFICE.phone).toBe(city?.phone)
    expect(TALENT_OFFICE.phone).toBe('0371-67178906')
  })

  it('names tiers for people', () => {
    expect(talentTierLabel('national-leading')).toBe('国家级领军人才')
    expect(talentTierLabel('unknown')).toBe('unknown')
    expect(isTalentTierId('top')).toBe(true)
    expect(isTalentTierId('toppest')).toBe(false)
  })
})
