import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { STATUS_LABELS, TALENT_WINDOWS } from '@zhihui/core'
import ProgressPage from '@/pages/progress/index'
import { useDraftStore } from '@/stores/draft'
import { usePreferencesStore } from '@/stores/preferences'
import { apiError, fakeApi, json, type Answer } from './support/fake-api'
import { BINDING, COMPLETE_FORM } from './support/people'

const base = { applicationNo: 'ZZ2025061500001', documents: [] }

describe('my progress', () => {
  it('shows loading, then the timeline with the notice dates', async () => {
    let release!: (a: Answer) => void
    const answer = new Promise<Answer>((resolve) => {
      release = resolve
    })
    fakeApi({ 'GET /application': () => answer })
    render(<ProgressPage />)
    expect(screen.getByText('正在查询办理进度…')).toBeTruthy()
    await act(async () =>
      release(
        json(200, {
          ...base,
          status: 'public-notice',
          timeline: [
            { status: 'submitted', at: '2025-06-01T09:00:00+08:00' },
            { status: 'under-review', at: '2025-06-03T09:00:00+08:00' },
            { status: 'public-notice', at: '2025-06-09T09:00:00+08:00' },
          ],
          notice: { start: '2025-06-09', end: '2025-06-17' },
        }),
      ),
    )
    const timeline = await screen.findByTestId('timeline')
    const steps = [...timeline.querySelectorAll('[data-status]')].map((e) => [e.getAttribute('data-status'), e.className])
    expect(steps.map(([s]) => s)).toEqual(['submitted', 'under-review', 'public-notice', 'paying', 'paid'])
    expect(steps[1]?.[1]).toContain('done')
    expect(steps[2]?.[1]).toContain('current')
    expect(steps[3]?.[1]).toContain('todo')
    expect(timeline.textContent).toContain('公示期：2025年6月9日至2025年6月17日')
    expect(timeline.textContent).toContain('（进行中）')
    expect(useDraftStore.getState().status).toBe('public-notice')
  })

  const paying = {
    ...base,
    status: 'paying',
    timeline: [
      { status: 'submitted', at: '2026-11-30T01:00:00Z' },
      { status: 'under-review', at: '2026-11-30T02:00:00Z' },
      { status: 'public-notice', at: '2026-11-30T03:00:00Z' },
      { status: 'paying', at: '2026-12-09T03:00:00Z' },
    ],
    notice: { start: '2026-11-30', end: '2026-12-08' },
    entitlement: { monthlyYuan: 500, months: 36, firstMonth: '2026-08', paidMonths: 4, paidYuan: 2000, lastMonth: '2029-07', nextMonth: '2027-01' },
    payments: [
      { month: '2026-08', amountYuan: 500, status: 'paid', at: '2026-12-09T03:00:00Z' },
      {
        month: '2026-09',
        amountYuan: 0,
        status: 'suspended',
        reason: '2026年9月当月未在郑州市域内按时缴纳养老保险。该月补贴不发放，以后也不补发，发放期限不顺延。',
        at: '2026-12-09T03:00:00Z',
      },
      { month: '2026-10', amountYuan: 500, status: 'paid', at: '2026-12-09T03:00:00Z' },
      { month: '2026-11', amountYuan: 500, status: 'paid', at: '2026-12-09T03:00:00Z' },
      { month: '2026-12', amountYuan: 500, status: 'paid', at: '2026-12-09T03:00:00Z' },
    ],
  }

  it('paying: the ledger shows paid n of 36, the total, every month with its amount or the reason, and the next month', async () => {
    fakeApi({ 'GET /application': () => json(200, paying) })
    render(<ProgressPage />)
    const summary = await screen.findByTestId('ledger-summary')
    expect(summary.textContent).toContain('已发放 4 / 36 个月')
    expect(summary.textContent).toContain('2,000元')
    expect(summary.textContent).toContain('下次发放2027年1月')
    const months = [...screen.getByTestId('ledger').querySelectorAll('[data-month]')].map((e) => e.textContent)
    expect(months).toEqual([
      '2026年8月✓ 已发放 500元',
      '2026年9月✗ 未发放2026年9月当月未在郑州市域内按时缴纳养老保险。该月补贴不发放，以后也不补发，发放期限不顺延。',
      '2026年10月✓ 已发放 500元',
      '2026年11月✓ 已发放 500元',
      '2026年12月✓ 已发放 500元',
    ])
    expect(screen.getByText('每月500元，自2026年8月起，共36个月')).toBeTruthy()
    const step = screen.getByTestId('timeline').querySelector('[data-status="paying"]')
    expect(step?.textContent).toContain('（进行中）')
    expect(step?.textContent).toContain('按月发放：已发放 4 / 36 个月，共2,000元')
  })

  it('paid off: 发放完毕, every step done, no next month', async () => {
    fakeApi({
      'GET /application': () =>
        json(200, {
          ...paying,
          status: 'paid',
          timeline: [...paying.timeline, { status: 'paid', at: '2029-07-05T03:00:00Z' }],
          entitlement: { ...paying.entitlement, months: 6, paidMonths: 6, paidYuan: 3000, nextMonth: null },
        }),
    })
    render(<ProgressPage />)
    expect(await screen.findByText(/补贴已全部发放完毕/)).toBeTruthy()
    expect(screen.getByTestId('ledger-summary').textContent).toContain('下次发放发放完毕')
    const timeline = screen.getByTestId('timeline')
    expect([...timeline.querySelectorAll('[data-status]')].every((e) => e.className.includes('done'))).toBe(true)
    expect(timeline.textContent).toContain('全部月份发放完毕')
  })

  it('stopped: 已终止 with the officer’s reason, in the ledger and the timeline', async () => {
    fakeApi({
      'GET /application': () =>
        json(200, {
          ...paying,
          status: 'stopped',
          timeline: [...paying.timeline, { status: 'stopped', at: '2026-12-20T03:00:00Z' }],
          stop: { reason: '经核查已离开郑州工作', at: '2026-12-20T03:00:00Z' },
        }),
    })
    render(<ProgressPage />)
    expect((await screen.findByTestId('stop-reason')).textContent).toBe('原因：经核查已离开郑州工作')
    expect(screen.getByTestId('ledger-summary').textContent).toContain('已终止发放，恢复后继续')
    const steps = [...screen.getByTestId('timeline').querySelectorAll('[data-status]')]
    expect(steps.map((e) => e.getAttribute('data-status'))).toEqual(['submitted', 'under-review', 'public-notice', 'paying', 'stopped'])
    expect(steps[4]?.textContent).toContain('已终止发放（已终止）')
    expect(steps[4]?.textContent).toContain('原因：经核查已离开郑州工作')
  })

  it('elderly mode enlarges the ledger with the rest of the page', async () => {
    usePreferencesStore.setState({ elderly: true })
    fakeApi({ 'GET /application': () => json(200, paying) })
    const { container } = render(<ProgressPage />)
    await screen.findByTestId('ledger')
    expect(container.querySelector('.page--elderly [data-testid="ledger"]')).not.toBeNull()
  })

  it('an old one-off payment without an entitlement still shows its day', async () => {
    fakeApi({
      'GET /application': () =>
        json(200, {
          ...base,
          status: 'paid',
          timeline: [{ status: 'submitted', at: '2025-01-01' }, { status: 'paid', at: '2025-03-01' }],
          payments: [{ month: '2025-03', amountYuan: 500, status: 'paid', at: '2025-03-01' }],
        }),
    })
    render(<ProgressPage />)
    expect((await screen.findByTestId('timeline')).textContent).toContain('2025年3月1日 发放500元')
    expect(screen.queryByTestId('ledger')).toBeNull()
  })

  it('a saved draft has no number yet: says so and asks to finish, without a timeline', async () => {
    fakeApi({ 'GET /application': () => json(200, { applicationNo: null, documents: [], status: 'draft', timeline: [] }) })
    render(<ProgressPage />)
    expect(await screen.findByText('提交后生成')).toBeTruthy()
    expect(screen.getByText(/申请尚未提交/)).toBeTruthy()
    expect(screen.queryByTestId('timeline')).toBeNull()
    expect(useDraftStore.getState().applicationNo).toBeUndefined()
  })

  it('an applicant with no application gets the empty state and a way to apply', async () => {
    fakeApi({ 'GET /application': () => apiError(404, 'NOT_FOUND', '没有申请') })
    render(<ProgressPage />)
    expect(await screen.findByText('您还没有提交申请')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '去申请' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/bind-card/index' })
  })

  it('a failed query shows the error and can be retried', async () => {
    let calls = 0
    fakeApi({
      'GET /application': () =>
        (calls += 1) === 1
          ? apiError(503, 'UNAVAILABLE', '服务维护中，请稍后再试。')
          : json(200, { ...base, status: 'submitted', timeline: [{ status: 'submitted', at: '2025-06-01' }] }),
    })
    render(<ProgressPage />)
    expect(await screen.findByText('服务维护中，请稍后再试。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重新查询' }))
    expect(await screen.findByTestId('timeline')).toBeTruthy()
    expect(screen.getAllByText(STATUS_LABELS.submitted).length).toBeGreaterThan(0)
  })

  it('a rejection lists each reason and opens only what was rejected', async () => {
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    for (const kind of ['id-card', 'degree-certificate'] as const) {
      useDraftStore.getState().setPhoto({ kind, photoId: `old-${kind}`, bytes: 1 })
    }
    fakeApi({
      'GET /application': () =>
        json(200, {
          ...base,
          status: 'rejected',
          timeline: [
            { status: 'submitted', at: '2025-06-01' },
            { status: 'under-review', at: '2025-06-02' },
            { status: 'rejected', at: '2025-06-05' },
          ],
          rejection: {
            reasons: [
              { target: 'degree-certificate', code: 'BLURRY', message: '学位证照片模糊，请重新拍摄' },
              { target: 'facts.graduationDate', code: 'MISMATCH', message: '毕业日期与毕业证不一致' },
            ],
          },
        }),
    })
    render(<ProgressPage />)
    const reasons = await screen.findAllByTestId('rejection-reason')
    expect(reasons.map((r) => r.textContent)).toEqual(['✗ 学位证照片：学位证照片模糊，请重新拍摄', '✗ 毕业日期：毕业日期与毕业证不一致'])
    // The rejected photo must be taken again; the accepted one stays.
    const photos = useDraftStore.getState().photos
    expect(photos['degree-certificate']).toBeUndefined()
    expect(photos['id-card']?.photoId).toBe('old-id-card')
    fireEvent.click(screen.getByRole('button', { name: '按原因修改并重新提交' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/info/index' })
  })

  it('seeing the same rejection again does not drop a retaken photo', async () => {
    const rejected = {
      ...base,
      status: 'rejected',
      timeline: [{ status: 'rejected', at: '2025-06-05' }],
      rejection: { reasons: [{ target: 'hukou', code: 'BLURRY', message: '模糊' }] },
    }
    fakeApi({ 'GET /application': () => json(200, rejected) })
    render(<ProgressPage />)
    await screen.findAllByTestId('rejection-reason')
    useDraftStore.getState().setPhoto({ kind: 'hukou', photoId: 'new-hukou', bytes: 1 })
    useDraftStore.getState().applyRejection('2025-06-05', rejected.rejection.reasons)
    expect(useDraftStore.getState().photos.hukou?.photoId).toBe('new-hukou')
  })

  it('withdraws after confirmation', async () => {
    let status = 'submitted'
    const api = fakeApi({
      'GET /application': () => json(200, { ...base, status, timeline: [{ status: 'submitted', at: '2025-06-01' }] }),
      'POST /application/withdraw': () => {
        status = 'withdrawn'
        return json(200, { applicationNo: base.applicationNo, status })
      },
    })
    render(<ProgressPage />)
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }))
    await waitFor(() => expect(api.calls('POST', '/application/withdraw')).toHaveLength(1))
    expect(await screen.findByRole('button', { name: '重新申请' })).toBeTruthy()
  })

  it('a double tap on withdraw asks once and withdraws once', async () => {
    const api = fakeApi({
      'GET /application': () => json(200, { ...base, status: 'submitted', timeline: [{ status: 'submitted', at: '2025-06-01' }] }),
      'POST /application/withdraw': () => json(200, { applicationNo: base.applicationNo, status: 'withdrawn' }),
    })
    render(<ProgressPage />)
    const button = await screen.findByRole('button', { name: '撤回申请' })
    fireEvent.click(button)
    fireEvent.click(button)
    await waitFor(() => expect(api.calls('POST', '/application/withdraw')).toHaveLength(1))
    await waitFor(() => expect(api.calls('GET', '/application')).toHaveLength(2))
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(api.calls('POST', '/application/withdraw')).toHaveLength(1)
  })

  it('a failed withdrawal says why and keeps the application as it was', async () => {
    fakeApi({
      'GET /application': () => json(200, { ...base, status: 'submitted', timeline: [{ status: 'submitted', at: '2025-06-01' }] }),
      'POST /application/withdraw': () => 'network-error',
    })
    render(<ProgressPage />)
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    expect(screen.getByRole('button', { name: '撤回申请' })).toBeTruthy()
    expect(useDraftStore.getState().status).toBe('submitted')
  })

  it('after a withdrawal the old photos and submission key are gone; “重新申请” keeps the answers and the card', async () => {
    const store = useDraftStore.getState()
    store.setBinding(BINDING)
    store.patchForm(COMPLETE_FORM)
    store.setPhoto({ kind: 'id-card', photoId: 'photo-of-the-withdrawn-application', bytes: 1 })
    store.ensureSubmissionKey()
    fakeApi({
      'GET /application': () =>
        json(200, {
          ...base,
          status: 'withdrawn',
          timeline: [
            { status: 'submitted', at: '2025-06-01' },
            { status: 'withdrawn', at: '2025-06-02' },
          ],
        }),
    })
    render(<ProgressPage />)
    fireEvent.click(await screen.findByRole('button', { name: '重新申请' }))
    // The server keeps photos per application: the next one starts without them.
    const after = useDraftStore.getState()
    expect(after.photos).toEqual({})
    expect(after.submissionKey).toBeUndefined()
    expect(after.status).toBeUndefined()
    expect(after.applicationNo).toBeUndefined()
    expect(after.form).toEqual(COMPLETE_FORM)
    expect(after.binding).toEqual(BINDING)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/info/index' })
  })

  it('a window application shows its window, sends a rejection back to the window, and offers no online withdrawal', async () => {
    const window = TALENT_WINDOWS[0]!
    fakeApi({
      'GET /application': () =>
        json(200, {
          ...base,
          status: 'rejected',
          channel: 'window',
          window,
          timeline: [
            { status: 'submitted', at: '2025-06-01' },
            { status: 'rejected', at: '2025-06-02' },
          ],
          rejection: { reasons: [{ target: 'diploma', code: 'unreadable', message: '毕业证照片看不清' }] },
        }),
    })
    render(<ProgressPage />)
    expect(await screen.findByText(window.address)).toBeTruthy()
    expect(screen.getByText(`${window.unit}人才服务窗口`)).toBeTruthy()
    expect(document.body.textContent).toContain(`请携带原件到${window.unit}人才服务窗口修改后重新提交`)
    expect(screen.queryByRole('button', { name: '按原因修改并重新提交' })).toBeNull()
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull()
  })
})
