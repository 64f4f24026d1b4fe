import { fireEvent, screen, waitFor } from '@testing-library/react'
import { createElement } from 'react'
import PaymentRunsPage from '../../packages/console/src/pages/payment-runs'
import { PaymentLedgerCard } from '../../packages/console/src/pages/application/PaymentLedgerCard'
import { fakeApi, staffIdentity } from './support/fake-api'
import { renderPage } from './support/render'
import { ApiError } from '../../packages/console/src/api/client'
import {
  formatYuan,
  hasLedger,
  ledgerProgressText,
  lineStatusText,
  monthLabel,
  paymentAction,
  reasonError,
  runErrorText,
  runMonthError,
} from '../../packages/console/src/pages/payment-runs/helpers'

describe('runMonthError', () => {
  it('asks for a month when none is chosen', () => {
    expect(runMonthError(null)).toBe('请选择发放月份。')
    expect(runMonthError('  ')).toBe('请选择发放月份。')
  })

  it('accepts a well-formed month within the policy', () => {
    expect(runMonthError('2026-02')).toBeNull()
    expect(runMonthError('2026-11', '2026-11-28')).toBeNull()
  })

  it('names the month when it is malformed, before the policy or (given today) in the future', () => {
    expect(runMonthError('2026-13')).toContain('“2026-13”')
    expect(runMonthError('2010-01')).toContain('2010年1月')
    expect(runMonthError('2026-12', '2026-11-28')).toContain('2026年12月还没有到')
  })

  it('leaves a future month to the server when today is not given', () => {
    expect(runMonthError('2099-01')).toBeNull()
  })
})

describe('line and ledger texts', () => {
  it('says 已发放 or 暂停 with the reason', () => {
    expect(lineStatusText({ status: 'paid' })).toBe('已发放')
    expect(lineStatusText({ status: 'suspended', reason: '当月未在郑州缴纳养老保险' })).toBe('暂停（当月未在郑州缴纳养老保险）')
    expect(lineStatusText({ status: 'suspended' })).toBe('暂停')
  })

  it('formats months, yuan and progress', () => {
    expect(monthLabel('2026-02')).toBe('2026年2月')
    expect(monthLabel('bad')).toBe('bad')
    expect(formatYuan(12500)).toBe('¥12,500')
    expect(ledgerProgressText(3, 36)).toBe('已发放 3 / 36 个月')
  })

  it('shows the ledger for paying, paid and stopped only; the officer stops paying and resumes stopped', () => {
    expect(['paying', 'paid', 'stopped'].map(hasLedger)).toEqual([true, true, true])
    expect(['submitted', 'public-notice', 'approved'].map(hasLedger)).toEqual([false, false, false])
    expect(paymentAction('paying')).toBe('stop')
    expect(paymentAction('stopped')).toBe('resume')
    expect(paymentAction('paid')).toBeNull()
  })
})

describe('reasonError', () => {
  it('requires a reason of at most 500 characters', () => {
    expect(reasonError('')).toBe('请填写原因，申请人会收到这条原因。')
    expect(reasonError('   ')).toBe('请填写原因，申请人会收到这条原因。')
    expect(reasonError(undefined)).not.toBeNull()
    expect(reasonError('x'.repeat(501))).toBe('原因不能超过500字。')
    expect(reasonError('户籍已迁出郑州')).toBeNull()
  })
})

describe('runErrorText', () => {
  it("shows the server's message for 409 and 422", () => {
    const already = new ApiError({ status: 409, code: 'ALREADY_RUN', message: '2026-11已发放过（2026-11-28，staff:payments），本次未作任何改动。', field: 'month' })
    expect(runErrorText(already, '2026-11')).toBe(already.message)
    const future = new ApiError({ status: 422, code: 'MONTH_IN_FUTURE', message: '2026年12月还没有到', field: 'month' })
    expect(runErrorText(future, '2026-12')).toBe('2026年12月还没有到')
  })

  it('falls back to a generic message for anything else', () => {
    expect(runErrorText(new Error('boom'), '2026-11')).toBe('发放失败，请稍后重试。')
  })
})

// ---- the pages, rendered against a fake API (createElement: this file is .ts) ----

jest.setTimeout(30_000)
const RUN_ID = '11111111-2222-3333-4444-555555555555'
const run = { id: RUN_ID, month: '2026-11', paid: 1, suspended: 1, totalYuan: 500, createdBy: 'staff:payments', createdAt: '2026-11-28T02:00:00.000Z' }
const officer = staffIdentity({ username: 'pay', roles: ['payments'] })

describe('the payment-run pages', () => {
  it('shows a run with its lines, totals and bank-file downloads', async () => {
    fakeApi().on(`GET /payment-runs/${RUN_ID}`, {
      status: 200,
      body: {
        run,
        lines: [
          { applicationNo: 'ZZ2026000001', name: '张三', month: '2026-11', amountYuan: 500, status: 'paid' },
          { applicationNo: 'ZZ2026000002', name: '李四', month: '2026-11', amountYuan: 0, status: 'suspended', reason: '当月未缴养老保险' },
        ],
        total: 2,
        page: 1,
        pageSize: 200,
      },
    })
    renderPage(createElement(PaymentRunsPage), { staff: officer, path: '/payment-runs/:id', at: `/payment-runs/${RUN_ID}` })
    expect(await screen.findByText('张三')).toBeTruthy()
    expect(screen.getByText('当月未缴养老保险')).toBeTruthy()
    expect(screen.getByText('ZZ2026000001').closest('a')?.getAttribute('href')).toBe('/applications/ZZ2026000001')
    expect(screen.getByText('下载银行代发文件（Excel）').closest('a')?.getAttribute('href')).toBe(`/api/v1/staff/payment-runs/${RUN_ID}/bank-file.xlsx`)
    expect(screen.getByText('下载银行代发文件（CSV）').closest('a')?.getAttribute('href')).toBe(`/api/v1/staff/payment-runs/${RUN_ID}/bank-file.csv`)
  })

  it('lists runs; the bureau sees no run form', async () => {
    fakeApi().on('GET /payment-runs', { status: 200, body: { runs: [run] } })
    renderPage(createElement(PaymentRunsPage), { staff: staffIdentity({ roles: ['bureau'], bureau: '人社局' }), path: '/payment-runs', at: '/payment-runs' })
    expect(await screen.findByText('2026年11月')).toBeTruthy()
    expect(screen.queryByText('发放一个月份')).toBeNull()
  })

  it('the ledger card: progress, lines, and a stop that needs a reason', async () => {
    const api = fakeApi()
      .on('GET /applications/ZZ2026000001/ledger', {
        status: 200,
        body: {
          applicationNo: 'ZZ2026000001',
          status: 'paying',
          statusLabel: '发放中',
          entitlement: { monthlyYuan: 500, months: 36, firstMonth: '2026-10', paidMonths: 1, paidYuan: 500, lastMonth: '2029-09', nextMonth: '2026-12', policy: '2017', lapsedMonth: 'skip', source: 's', fixedAt: '2026-11-01' },
          lines: [
            { month: '2026-10', amountYuan: 500, status: 'paid', at: '2026-11-01', source: 's', runId: null, origin: 'review' },
            { month: '2026-11', amountYuan: 0, status: 'suspended', reason: '社保卡未激活', at: '2026-11-28', source: 's', runId: RUN_ID, origin: 'run' },
          ],
          history: [],
        },
      })
      .on('POST /applications/ZZ2026000001/stop', { status: 200, body: { applicationNo: 'ZZ2026000001', status: 'stopped', statusLabel: '已终止' } })
    renderPage(createElement(PaymentLedgerCard, { applicationNo: 'ZZ2026000001', status: 'paying' }), { staff: officer })
    expect(await screen.findByText('已发放 1 / 36 个月')).toBeTruthy()
    expect(screen.getByText('社保卡未激活')).toBeTruthy()
    expect(screen.getByText('2026年12月')).toBeTruthy()
    fireEvent.click(screen.getByText('终止发放').closest('button') as HTMLButtonElement)
    const buttons = await screen.findAllByText('终止发放')
    const confirm = () => buttons[buttons.length - 1]?.closest('button') as HTMLButtonElement
    fireEvent.click(confirm())
    expect(await screen.findByText('请填写原因，申请人会收到这条原因。')).toBeTruthy()
    expect(api.callsTo('POST /applications/ZZ2026000001/stop')).toHaveLength(0)
    fireEvent.change(screen.getByLabelText('原因（必填，申请人会收到这条原因）'), { target: { value: '户籍迁出郑州' } })
    fireEvent.click(confirm())
    await waitFor(() => expect(api.callsTo('POST /applications/ZZ2026000001/stop')).toHaveLength(1))
    expect(api.callsTo('POST /applications/ZZ2026000001/stop')[0]?.body).toEqual({ reason: '户籍迁出郑州' })
  })
})
