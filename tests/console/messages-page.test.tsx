/**
 * The messages page (packages/console/src/pages/messages) against a fake staff API: it opens on
 * the failed messages with their masked recipients and errors, filters by status, and retries a
 * message only after the confirmation, then reloads the list; a refused retry shows the server's words.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import MessagesPage from '../../packages/console/src/pages/messages'
import type { StaffMessage } from '../../packages/console/src/pages/messages/api'
import { fakeApi, staffIdentity } from './support/fake-api'
import { button, renderPage } from './support/render'

jest.setTimeout(30_000)

const failed: StaffMessage = {
  id: 'm-1',
  channel: 'sms',
  recipient: '138****1234',
  kind: 'rejection',
  status: 'failed',
  attempts: 8,
  lastError: '已尝试8次仍未发出：短信网关超时',
  applicationNo: 'ZZ2026120200001',
  provider: 'aliyun-sms',
  createdAt: '2026-12-01T19:36:13.892Z',
  sentAt: null,
  nextAttemptAt: null,
}
const sent: StaffMessage = { ...failed, id: 'm-2', status: 'sent', attempts: 1, lastError: null, applicationNo: 'ZZ2026120200002', sentAt: '2026-12-01T19:37:00.000Z' }
const supervisor = staffIdentity({ username: 'bureau-hr', name: '人社局监管', roles: ['bureau'], bureau: '人社局' })
const page = (items: StaffMessage[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } })

describe('the messages page', () => {
  it('lists the failed messages, masked, and retries one after the confirmation', async () => {
    let retried = false
    const api = fakeApi()
      .on('GET /messages', () => page(retried ? [] : [failed]))
      .on('POST /messages/m-1/retry', () => {
        retried = true
        return { status: 200, body: { message: { ...failed, status: 'pending', attempts: 0 } } }
      })
    renderPage(<MessagesPage />, { staff: supervisor, path: '/messages', at: '/messages' })
    expect(await screen.findByText('ZZ2026120200001')).toBeTruthy()
    expect(screen.getByText('138****1234')).toBeTruthy()
    expect(screen.getByText('已尝试8次仍未发出：短信网关超时')).toBeTruthy()
    expect(screen.getByText('审核未通过')).toBeTruthy()
    expect(api.callsTo('GET /messages')[0]?.url).toContain('status=failed')

    fireEvent.click(screen.getByLabelText('重试 ZZ2026120200001'))
    // Nothing is sent before the confirmation.
    expect(await screen.findByText('重新发送这条消息？')).toBeTruthy()
    expect(api.callsTo('POST /messages/m-1/retry')).toHaveLength(0)
    fireEvent.click(button(/重\s?发/))
    await waitFor(() => expect(api.callsTo('POST /messages/m-1/retry')).toHaveLength(1))
    expect(api.callsTo('POST /messages/m-1/retry')[0]?.headers['x-requested-with']).toBe('zhihui-console')
    expect(await screen.findByText('没有发送失败的消息')).toBeTruthy()
  })

  it('filters by status and offers no retry for a sent message', async () => {
    const api = fakeApi().on('GET /messages', (call) => page(call.url.includes('status=sent') ? [sent] : [failed]))
    renderPage(<MessagesPage />, { staff: supervisor, path: '/messages', at: '/messages' })
    expect(await screen.findByText('ZZ2026120200001')).toBeTruthy()
    fireEvent.click(screen.getByText('已发送'))
    expect(await screen.findByText('ZZ2026120200002')).toBeTruthy()
    expect(api.callsTo('GET /messages').at(-1)?.url).toContain('status=sent')
    expect(screen.queryByLabelText('重试 ZZ2026120200002')).toBeNull()
  })

  it("shows the server's refusal of a retry", async () => {
    fakeApi()
      .on('GET /messages', page([failed]))
      .on('POST /messages/m-1/retry', { status: 409, body: { error: { code: 'NOT_FAILED', message: '这条消息刚刚被其他人重试过，请刷新列表。' } } })
    renderPage(<MessagesPage />, { staff: supervisor, path: '/messages', at: '/messages' })
    fireEvent.click(await screen.findByLabelText('重试 ZZ2026120200001'))
    fireEvent.click(await waitFor(() => button(/重\s?发/)))
    expect(await screen.findByText('这条消息刚刚被其他人重试过，请刷新列表。')).toBeTruthy()
  })
})
