/**
 * The notices pages (packages/console/src/pages/notices) against a fake staff API: payments
 * officers create batches from the approved applications no batch holds and see the server's
 * refusal; an empty batch's download shows the server's message; readers get no buttons.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { NoticeBatch, NoticeBatchDetail, StaffQueueItem } from '@zhihui/core'
import NoticesPage from '../../packages/console/src/pages/notices'
import { fakeApi, staffIdentity } from './support/fake-api'
import { renderPage } from './support/render'

jest.setTimeout(30_000)

const batch = (id: string, size: number): NoticeBatch => ({
  id,
  start: '2026-12-02',
  end: '2026-12-10',
  holidaysKnown: true,
  createdBy: 'staff:payments',
  createdAt: '2026-12-01T19:51:17.121Z',
  size,
  ended: false,
})
const queued = (applicationNo: string, name: string): StaffQueueItem => ({
  applicationNo,
  status: 'public-notice',
  name,
  district: '金水区',
  education: 'bachelor',
  channel: 'online',
  submittedAt: '2026-12-01T19:36:13.892Z',
})
const held: NoticeBatchDetail = {
  ...batch('b-1', 1),
  items: [{ applicationNo: 'ZZ2026120200001', name: '王子豪', idNumberMasked: '4101**********3037', education: 'bachelor', employer: '郑州宇通客车股份有限公司', monthlyYuan: 500, status: 'public-notice' }],
}
const payments = staffIdentity({ username: 'payments', name: '发放专员赵强', roles: ['payments'] })

describe('the notices page', () => {
  it('lists only approved applications no batch holds, and shows the refusal of one already taken', async () => {
    const api = fakeApi()
      .on('GET /notices', { status: 200, body: { items: [batch('b-1', 1)] } })
      .on('GET /notices/b-1', { status: 200, body: held })
      .on('GET /applications', {
        status: 200,
        body: { items: [queued('ZZ2026120200001', '王子豪'), queued('ZZ2026120200002', '李思涵')], total: 2, page: 1, pageSize: 100 },
      })
      .on('POST /notices', {
        status: 409,
        body: { error: { code: 'NOT_NOTICEABLE', message: '以下申请不能列入公示：ZZ2026120200002：已在公示中', field: 'applicationNos' } },
      })
    renderPage(<NoticesPage />, { staff: payments, path: '/notices', at: '/notices' })
    expect(await screen.findByText('李思涵')).toBeTruthy()
    expect(screen.queryByText('王子豪')).toBeNull()
    expect(api.callsTo('GET /applications')[0]?.url).toContain('status=public-notice')
    fireEvent.click(await screen.findByLabelText('选择 李思涵（ZZ2026120200002）'))
    fireEvent.click(await screen.findByText('创建公示批次（1 份）'))
    expect(await screen.findByText('以下申请不能列入公示：ZZ2026120200002：已在公示中')).toBeTruthy()
    expect(api.callsTo('POST /notices')[0]?.body).toEqual({ applicationNos: ['ZZ2026120200002'] })
  })

  it('shows readers the batches without the waiting list', async () => {
    const api = fakeApi().on('GET /notices', { status: 200, body: { items: [batch('b-1', 1)] } })
    renderPage(<NoticesPage />, { staff: staffIdentity(), path: '/notices', at: '/notices' })
    expect(await screen.findByText('2026-12-02 至 2026-12-10')).toBeTruthy()
    expect(screen.queryByText('待公示的申请')).toBeNull()
    expect(api.callsTo('GET /applications')).toHaveLength(0)
  })
})

describe('a notice batch', () => {
  it('shows its 公示名单 and, for an emptied batch, the server message instead of a file', async () => {
    const api = fakeApi()
      .on('GET /notices/b-1', { status: 200, body: held })
      .on('GET /notices/b-1/list.xlsx', { status: 409, body: { error: { code: 'EMPTY_BATCH', message: '这个公示批次中已没有申请，没有可导出的公示名单。' } } })
    renderPage(<NoticesPage />, { staff: payments, path: '/notices/:id', at: '/notices/b-1' })
    expect(await screen.findByText('4101**********3037')).toBeTruthy()
    expect(screen.getByText('郑州宇通客车股份有限公司')).toBeTruthy()
    fireEvent.click(screen.getByText('下载公示名单（.xlsx）'))
    expect(await screen.findByText('这个公示批次中已没有申请，没有可导出的公示名单。')).toBeTruthy()
    await waitFor(() => expect(api.callsTo('GET /notices/b-1/list.xlsx')).toHaveLength(1))
  })

  it('offers readers no download', async () => {
    fakeApi().on('GET /notices/b-1', { status: 200, body: held })
    renderPage(<NoticesPage />, { staff: staffIdentity(), path: '/notices/:id', at: '/notices/b-1' })
    expect(await screen.findByText('王子豪')).toBeTruthy()
    expect(screen.queryByText('下载公示名单（.xlsx）')).toBeNull()
    expect(screen.getByText('公示名单由发放专员导出')).toBeTruthy()
  })

  it('offers no start before the notice ends; after it, starts the waiting applications once confirmed and shows them paying', async () => {
    fakeApi().on('GET /notices/b-1', { status: 200, body: held })
    const { unmount } = renderPage(<NoticesPage />, { staff: payments, path: '/notices/:id', at: '/notices/b-1' })
    expect(await screen.findByText('王子豪')).toBeTruthy()
    expect(screen.queryByText(/公示结束，开始发放/)).toBeNull()
    unmount()

    const ended: NoticeBatchDetail = { ...held, ended: true }
    const paying: NoticeBatchDetail = { ...ended, items: ended.items.map((item) => ({ ...item, status: 'paying' })) }
    let started = false
    const api = fakeApi()
      .on('GET /notices/b-1', () => ({ status: 200, body: started ? paying : ended }))
      .on('POST /notices/b-1/start-payments', () => {
        started = true
        return { status: 200, body: { batch: paying, started: ['ZZ2026120200001'] } }
      })
    renderPage(<NoticesPage />, { staff: payments, path: '/notices/:id', at: '/notices/b-1' })
    fireEvent.click(await screen.findByText('公示结束，开始发放（1 件）'))
    // Nothing is sent before the officer confirms.
    expect(api.callsTo('POST /notices/b-1/start-payments')).toHaveLength(0)
    fireEvent.click(await screen.findByRole('button', { name: '开始发放' }))
    await waitFor(() => expect(api.callsTo('POST /notices/b-1/start-payments')).toHaveLength(1))
    expect(await screen.findByText(/已有 1 件申请开始发放/)).toBeTruthy()
    await waitFor(() => expect(screen.queryByText(/公示结束，开始发放/)).toBeNull())
  })

  it('shows the refusal when the server will not start (the batch was started elsewhere meanwhile)', async () => {
    fakeApi()
      .on('GET /notices/b-1', { status: 200, body: { ...held, ended: true } })
      .on('POST /notices/b-1/start-payments', { status: 409, body: { error: { code: 'NOTHING_TO_START', message: '这个批次中没有待开始发放的申请（均已开始发放，或因异议退回重新审核）。' } } })
    renderPage(<NoticesPage />, { staff: payments, path: '/notices/:id', at: '/notices/b-1' })
    fireEvent.click(await screen.findByText('公示结束，开始发放（1 件）'))
    fireEvent.click(await screen.findByRole('button', { name: '开始发放' }))
    expect(await screen.findByText('这个批次中没有待开始发放的申请（均已开始发放，或因异议退回重新审核）。')).toBeTruthy()
  })
})
