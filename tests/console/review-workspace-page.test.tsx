/**
 * The review workspace page (packages/console/src/pages/application) against a fake staff API:
 * what it shows, the actions the server lists and no others, the reveal, the checklist ticking as
 * photos load, the rejection form's exact reasons, and a decision that lost a race.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { DOCUMENT_REASONS, type StaffApplicationDetail } from '@zhihui/core'
import ReviewWorkspacePage from '../../packages/console/src/pages/application'
import { fakeApi, staffIdentity } from './support/fake-api'
import { renderPage } from './support/render'

const NO = 'ZZ2026030100001'
const PATH = `/applications/${NO}`

function detail(over: Partial<StaffApplicationDetail> = {}): StaffApplicationDetail {
  return {
    applicationNo: NO,
    status: 'under-review',
    statusLabel: '审核中',
    channel: 'online',
    submittedAt: '2026-03-01T02:00:00.000Z',
    applicant: {
      name: '王子豪',
      idNumberMasked: '4101**********3037',
      cardNumberMasked: 'A4*****03',
      cardIssued: true,
      financialAccountActive: true,
      pensionMonths: 14,
      verifiedAt: '2026-02-27T08:30:00.000Z',
    },
    facts: {
      education: 'bachelor',
      graduationDate: '2024-06-30',
      overseasReturnee: false,
      hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-08-15' },
      employment: { kind: 'employed', employer: '郑州宇通客车股份有限公司' },
    },
    details: { mobile: '13803711234', school: '郑州大学', major: '计算机科学与技术', graduationCertificateNo: '104591202405000123', degreeCertificateNo: '1045942024000123' },
    eligibility: {
      eligible: false,
      channel: 'online',
      policy: '2017',
      unmet: [{ code: 'PENSION_MONTHS', message: '在郑州缴纳养老保险不足3个月', source: '郑政〔2017〕12号 第二条', metFrom: '2026-05-01' }],
    },
    requiredDocuments: [
      { kind: 'id-card', label: '身份证', photo: true },
      { kind: 'hukou', label: '户口本(户口册页)', photo: true },
    ],
    documents: [
      { kind: 'id-card', label: '身份证', photoId: 'p-id', bytes: 1000 },
      { kind: 'hukou', label: '户口本', photoId: 'p-hukou', bytes: 1000 },
    ],
    history: [
      { from: 'draft', status: 'submitted', event: 'submit', actor: 'applicant:abc', actorName: null, note: null, at: '2026-03-01T02:00:00.000Z' },
      { from: 'submitted', status: 'under-review', event: 'start-review', actor: 'staff:reviewer', actorName: '审核员李静', note: null, at: '2026-03-02T01:00:00.000Z' },
    ],
    actions: ['approve', 'reject'],
    version: 7,
    ...over,
  }
}

function open(d = detail()) {
  const api = fakeApi().on(`GET ${PATH}`, { status: 200, body: d })
  const view = renderPage(<ReviewWorkspacePage />, { staff: staffIdentity(), path: '/applications/:no', at: PATH })
  return { api, view }
}

// Ant Design pages are slow to query by role in jsdom.
jest.setTimeout(30_000)

// Role queries walk the whole accessibility tree, which is very slow in jsdom on an antd page:
// these find by text, label and alt text instead.
const checkbox = (label: string) => screen.getByLabelText(label) as HTMLInputElement
const button = (text: string | RegExp, root: HTMLElement = document.body): HTMLButtonElement => {
  const found = within(root)
    .getAllByText(text)
    .map((el) => el.closest('button'))
    .find((b): b is HTMLButtonElement => b !== null)
  if (!found) throw new Error(`no button ${String(text)}`)
  return found
}
const findButton = async (text: string | RegExp) => {
  await screen.findAllByText(text)
  return button(text)
}
const noButton = (text: string | RegExp) => screen.queryAllByText(text).every((el) => el.closest('button') === null)

describe('the review workspace', () => {
  it('shows the form with core labels, every unmet rule with its source, the registry and the history', async () => {
    open()
    expect(await screen.findByText(`申请 ${NO}`)).toBeTruthy()
    expect(screen.getByText('毕业院校')).toBeTruthy()
    expect(screen.getByText('郑州大学')).toBeTruthy()
    expect(screen.getByText('全日制本科')).toBeTruthy()
    expect(screen.getByText('在郑州缴纳养老保险不足3个月')).toBeTruthy()
    expect(screen.getByText('依据：郑政〔2017〕12号 第二条')).toBeTruthy()
    expect(screen.getByText('自 2026-05-01 起满足')).toBeTruthy()
    expect(screen.getByText('14 个月')).toBeTruthy()
    expect(screen.getByText('4101**********3037')).toBeTruthy()
    expect(screen.getByText(/审核员李静 · 2026-03-02 09:00/)).toBeTruthy()
    expect(screen.getByText(/申请人 · 2026-03-01 10:00/)).toBeTruthy()
  })

  it('offers only the actions the server lists', async () => {
    open()
    expect(await findButton(/^通\s?过$/)).toBeTruthy()
    expect(button('不通过')).toBeTruthy()
    expect(noButton(/^异\s?议$/)).toBe(true)
  })

  it('during a notice offers only the objection, and sends its note', async () => {
    const { api } = open(detail({ status: 'public-notice', statusLabel: '公示中', actions: ['object'], notice: { batchId: 'b1', start: '2026-03-03', end: '2026-03-11' } }))
    api.on(`POST ${PATH}/objection`, { status: 200, body: { applicationNo: NO, status: 'under-review' } })
    fireEvent.click(await findButton(/^异\s?议$/))
    expect(noButton(/^通\s?过$/)).toBe(true)
    fireEvent.click(button('提交异议'))
    expect(await screen.findByText('请写明异议内容。')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('异议内容（必填）'), { target: { value: '收到举报：未在郑州工作。' } })
    fireEvent.click(button('提交异议'))
    await waitFor(() => expect(api.callsTo(`POST ${PATH}/objection`)).toHaveLength(1))
    expect(api.callsTo(`POST ${PATH}/objection`)[0]?.body).toEqual({ note: '收到举报：未在郑州工作。' })
  })

  it('reveals a full number on request and keeps it on screen', async () => {
    const { api } = open()
    api.on(`POST ${PATH}/reveal`, { status: 200, body: { field: 'idNumber', value: '410103200004153037' } })
    fireEvent.click(await screen.findByLabelText('查看完整号码（身份证号码）'))
    expect(await screen.findByText('410103200004153037')).toBeTruthy()
    expect(api.callsTo(`POST ${PATH}/reveal`)[0]?.body).toEqual({ field: 'idNumber' })
    expect(api.callsTo(`POST ${PATH}/reveal`)[0]?.headers['x-requested-with']).toBe('zhihui-console')
    expect(screen.queryByLabelText('查看完整号码（身份证号码）')).toBeNull()
  })

  it('ticks a document once its photo has been shown, moves on with the arrow key, and takes hand ticks', async () => {
    open()
    const first = (await screen.findByAltText(/身份证照片/)) as HTMLImageElement
    expect(first.getAttribute('src')).toBe(`/api/v1/staff${PATH}/photos/p-id`)
    expect(checkbox('已核对：身份证').checked).toBe(false)
    fireEvent.load(first)
    expect(checkbox('已核对：身份证').checked).toBe(true)
    expect(checkbox('已核对：户口本(户口册页)').checked).toBe(false)
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    const second = await screen.findByAltText(/户口本照片/)
    fireEvent.load(second)
    expect(checkbox('已核对：户口本(户口册页)').checked).toBe(true)
    expect(screen.getByText('已核对 2/2')).toBeTruthy()
    fireEvent.click(checkbox('已核对：身份证'))
    expect(checkbox('已核对：身份证').checked).toBe(false)
    expect(screen.getByText('已核对 1/2')).toBeTruthy()
  })

  it('refuses an empty rejection, then sends exactly the reasons the preview shows', async () => {
    const { api } = open()
    api.on(`POST ${PATH}/decision`, { status: 200, body: { applicationNo: NO, status: 'rejected' } })
    fireEvent.click(await findButton('不通过'))
    fireEvent.click(button('确认不通过并通知申请人'))
    expect(await screen.findByText('请至少选择一项证件或填写项，并写明不通过的原因。')).toBeTruthy()
    expect(api.callsTo(`POST ${PATH}/decision`)).toHaveLength(0)
    fireEvent.click(button(/^取\s?消$/))

    // "有问题" beside the household register opens the form with it added.
    fireEvent.click(screen.getByLabelText('有问题：户口本(户口册页)（填写不通过原因）'))
    await waitFor(() => expect(screen.queryByText('请至少选择一项证件或填写项，并写明不通过的原因。')).toBeNull())
    const dialog = (await screen.findAllByText('申请人将看到')).map((el) => el.closest('.ant-modal') as HTMLElement).find(Boolean)!
    fireEvent.click(within(dialog).getByLabelText('请上传户口本本人页（不是户主页或首页）。'))
    fireEvent.change(within(dialog).getByLabelText('补充说明（可选，申请人可见）'), { target: { value: '本人页需含落户日期。' } })
    const preview = within(dialog).getByTestId('rejection-preview')
    expect(Array.from(preview.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '✗ 户口本照片：请上传户口本本人页（不是户主页或首页）。',
      '✗ 户口本照片：本人页需含落户日期。',
    ])
    fireEvent.click(button('确认不通过并通知申请人', dialog))
    await waitFor(() => expect(api.callsTo(`POST ${PATH}/decision`)).toHaveLength(1))
    expect(api.callsTo(`POST ${PATH}/decision`)[0]?.body).toEqual({
      decision: 'reject',
      version: 7,
      reasons: [
        { target: 'hukou', code: 'PAGE', message: DOCUMENT_REASONS.hukou.find((r) => r.code === 'PAGE')?.message },
        { target: 'hukou', code: 'OTHER', message: '本人页需含落户日期。' },
      ],
    })
  })

  it('says 已被他人处理 when another decision won, and reloads on request', async () => {
    const { api } = open()
    api.on(`POST ${PATH}/decision`, { status: 409, body: { error: { code: 'CONCURRENT_UPDATE', message: '已被他人处理，请重新加载后查看。' } } })
    fireEvent.click(await findButton(/^通\s?过$/))
    fireEvent.click(await findButton('确认通过'))
    expect(await screen.findByText('已被他人处理')).toBeTruthy()
    expect(api.callsTo(`POST ${PATH}/decision`)[0]?.body).toEqual({ decision: 'approve', version: 7 })
    const reads = api.callsTo(`GET ${PATH}`).length
    api.on(`GET ${PATH}`, { status: 200, body: detail({ status: 'public-notice', statusLabel: '公示中', actions: [], version: 8 }) })
    await act(async () => {
      fireEvent.click(button('重新加载'))
    })
    await waitFor(() => expect(api.callsTo(`GET ${PATH}`).length).toBe(reads + 1))
    await waitFor(() => expect(screen.queryByText('已被他人处理')).toBeNull())
    expect(noButton(/^通\s?过$/)).toBe(true)
  })
})
