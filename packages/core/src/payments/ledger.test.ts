import { candidateMonths, decideMonths, ledgerSummary, monthlyDecision, monthsDue } from './ledger'
import type { Entitlement, PaymentLine, RegistryState } from './types'

const ALL_GOOD: RegistryState = { cardActive: true, financialAccountActive: true, pensionPaid: true }
const NO_PENSION: RegistryState = { ...ALL_GOOD, pensionPaid: false }

const entitlement = (over: Partial<Entitlement> = {}): Entitlement => ({
  monthlyYuan: 500,
  months: 36,
  firstMonth: '2026-02',
  policy: '2017',
  lapsedMonth: 'skip',
  source: 'test',
  ...over,
})

const paid = (month: string, amountYuan = 500): PaymentLine => ({ month, amountYuan, status: 'paid', source: 'test' })
const suspended = (month: string): PaymentLine => ({ month, amountYuan: 0, status: 'suspended', reason: 'test', source: 'test' })

describe('monthsDue: arrears from the first month on the first run, then month by month', () => {
  it('the first run owes every month from the first month to the run’s month', () => {
    expect(monthsDue(entitlement(), [], '2026-12')).toEqual([
      '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ])
  })

  it('the next run owes only its month; a run for a decided month owes nothing', () => {
    const ledger = ['2026-02', '2026-03'].map((m) => paid(m))
    expect(monthsDue(entitlement(), ledger, '2026-04')).toEqual(['2026-04'])
    expect(monthsDue(entitlement(), ledger, '2026-03')).toEqual([])
    expect(monthsDue(entitlement(), [], '2026-01')).toEqual([])
  })

  it('fills a gap left by an old one-off payment', () => {
    expect(monthsDue(entitlement(), [paid('2026-05')], '2026-06')).toEqual(['2026-02', '2026-03', '2026-04', '2026-06'])
  })

  it('stops at the end of the period', () => {
    const e = entitlement({ months: 6, firstMonth: '2026-02' })
    expect(monthsDue(e, [], '2027-12')).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'])
  })

  it('throws on a malformed month', () => {
    expect(() => monthsDue(entitlement(), [], '2026-13')).toThrow(RangeError)
    expect(() => candidateMonths(entitlement({ lapsedMonth: 'postpone' }), [], 'x')).toThrow(RangeError)
  })
})

describe('monthlyDecision', () => {
  it('pays the monthly amount when the registry shows every condition held that month', () => {
    const line = monthlyDecision(entitlement(), [], '2026-02', ALL_GOOD)
    expect(line).toEqual({ month: '2026-02', amountYuan: 500, status: 'paid', source: expect.stringContaining('按月发放') })
  })

  it('suspends with every reason, naming the month and the rule, and cites the rule’s source', () => {
    const line = monthlyDecision(entitlement(), [], '2026-03', { cardActive: false, financialAccountActive: false, pensionPaid: false })
    expect(line.status).toBe('suspended')
    expect(line.amountYuan).toBe(0)
    expect(line.reason).toBe(
      '2026年3月社会保障卡不在正常使用状态（未启用、挂失或注销）；社会保障卡金融账户未激活或已冻结，补贴无法发放到账；当月未在郑州市域内按时缴纳养老保险。该月补贴不发放，以后也不补发，发放期限不顺延。',
    )
    expect(line.source).toContain('三、社保事项办理')
    expect(line.source).toContain('补缴不计')
    expect(line.source).toContain('不补发')
  })

  it('under postpone says the period is extended', () => {
    expect(monthlyDecision(entitlement({ lapsedMonth: 'postpone' }), [], '2026-03', NO_PENSION).reason).toBe(
      '2026年3月当月未在郑州市域内按时缴纳养老保险。该月补贴不发放，发放期限顺延一个月。',
    )
  })

  it('refuses to decide a month twice, before the first month, after the period, or malformed', () => {
    expect(() => monthlyDecision(entitlement(), [paid('2026-02')], '2026-02', ALL_GOOD)).toThrow(/never changes/)
    expect(() => monthlyDecision(entitlement(), [], '2026-01', ALL_GOOD)).toThrow(RangeError)
    expect(() => monthlyDecision(entitlement({ months: 6 }), [], '2026-08', ALL_GOOD)).toThrow(RangeError)
    expect(() => monthlyDecision(entitlement(), [], '2026-2', ALL_GOOD)).toThrow(RangeError)
  })
})

describe('the lapse rule (policy-versions.ts: lapsedMonth)', () => {
  const registry = (month: string) => (month === '2026-04' ? NO_PENSION : ALL_GOOD)

  it('skip: a lapsed month is not paid, not made up, and the period ends where it would have', () => {
    const e = entitlement({ months: 6 })
    const lines = decideMonths(e, [], '2027-12', registry)
    expect(lines.map((l) => [l.month, l.status])).toEqual([
      ['2026-02', 'paid'],
      ['2026-03', 'paid'],
      ['2026-04', 'suspended'],
      ['2026-05', 'paid'],
      ['2026-06', 'paid'],
      ['2026-07', 'paid'],
    ])
    expect(ledgerSummary(e, lines)).toEqual({
      paidMonths: 5,
      paidYuan: 2500,
      suspendedMonths: 1,
      lastMonth: '2026-07',
      nextMonth: null,
      finished: true,
    })
  })

  it('postpone: the period is extended by the lapsed month, so every month is paid in the end', () => {
    const e = entitlement({ months: 6, lapsedMonth: 'postpone' })
    expect(candidateMonths(e, [], '2026-09')).toHaveLength(8)
    const lines = decideMonths(e, [], '2027-12', registry)
    expect(lines.map((l) => l.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'])
    expect(ledgerSummary(e, lines)).toMatchObject({ paidMonths: 6, paidYuan: 3000, lastMonth: '2026-08', finished: true })
    expect(candidateMonths(e, lines, '2027-12')).toEqual([])
  })

  it('postpone with an old payment outside the period: nothing more once months are paid', () => {
    const e = entitlement({ months: 2, lapsedMonth: 'postpone' })
    const ledger = [paid('2026-02'), suspended('2026-03'), paid('2026-09')]
    expect(ledgerSummary(e, ledger)).toMatchObject({ paidMonths: 2, nextMonth: null, finished: true })
    expect(monthsDue(e, [paid('2026-09')], '2026-12')).toEqual(['2026-02'])
  })
})

describe('ledgerSummary', () => {
  it('counts, totals and names the next month', () => {
    const ledger = [paid('2026-02'), suspended('2026-03'), paid('2026-04')]
    expect(ledgerSummary(entitlement(), ledger)).toEqual({
      paidMonths: 2,
      paidYuan: 1000,
      suspendedMonths: 1,
      lastMonth: '2029-01',
      nextMonth: '2026-05',
      finished: false,
    })
  })

  it('an empty ledger: next is the first month', () => {
    expect(ledgerSummary(entitlement(), [])).toMatchObject({ paidMonths: 0, paidYuan: 0, nextMonth: '2026-02', finished: false })
  })
})
