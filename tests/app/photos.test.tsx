import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { requiredDocuments, type DocumentKind } from '@zhihui/core'
import PhotosPage from '@/pages/apply/photos/index'
import { choosePhoto } from '@/platform/photo'
import { useDraftStore } from '@/stores/draft'
import { fakeApi, json, type Answer } from './support/fake-api'
import { BINDING, COMPLETE_FORM } from './support/people'

jest.mock('@/platform/photo', () => ({ choosePhoto: jest.fn() }))
const choose = choosePhoto as jest.MockedFunction<typeof choosePhoto>

function slot(kind: DocumentKind): HTMLElement {
  return screen.getByTestId(`photo-${kind}`)
}

function ready(form = COMPLETE_FORM) {
  useDraftStore.getState().setBinding(BINDING)
  useDraftStore.getState().patchForm(form)
  useDraftStore.getState().setServerEligibility({ eligible: true, channel: 'online', unmet: [], policy: '2017' })
}

function uploadAll(kinds: DocumentKind[]) {
  for (const kind of kinds) useDraftStore.getState().setPhoto({ kind, photoId: `photo-${kind}`, bytes: 1000, localPath: `/tmp/${kind}.jpg` })
}

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('document photos', () => {
  it('asks for exactly the documents core requires (self-employed: the business licence too)', () => {
    ready({
      ...COMPLETE_FORM,
      'facts.employment.kind': 'self-employed',
      'facts.employment.employer': '',
      'facts.employment.creditCode': '91410100MA44CA1XB1',
    })
    render(<PhotosPage />)
    const expected = requiredDocuments({ education: 'bachelor', employment: { kind: 'self-employed' } }, 'online').map((d) => d.kind)
    const shown = screen.getAllByTestId(/^photo-/).map((e) => e.getAttribute('data-kind'))
    expect(shown).toEqual(expected)
    expect(shown).toContain('business-license')
  })

  it('uploads with a progress bar and keeps the uploaded photo in the draft', async () => {
    ready()
    choose.mockResolvedValue({ path: '/tmp/compressed-id.jpg', bytes: 180_000 })
    const finish = deferred<Answer>()
    const api = fakeApi({}, async ({ request, progress }) => {
      progress(40)
      const answer = await finish.promise
      return answer === 'network-error' ? answer : { ...answer, body: { photoId: 'p-1', kind: request.formData.kind, bytes: 180_000 } }
    })
    render(<PhotosPage />)
    fireEvent.click(within(slot('id-card')).getByRole('button', { name: '拍照或从相册选择' }))
    await waitFor(() => expect(within(slot('id-card')).getByRole('progressbar').textContent).toContain('40%'))
    await act(async () => finish.resolve(json(201)))
    await waitFor(() => expect(slot('id-card').getAttribute('data-status')).toBe('uploaded'))
    expect(useDraftStore.getState().photos['id-card']).toEqual({ kind: 'id-card', photoId: 'p-1', localPath: '/tmp/compressed-id.jpg', bytes: 180_000 })
    const upload = api.calls('POST', '/application/photos')[0] as unknown as { formData: Record<string, string>; filePath: string }
    expect(upload.formData).toEqual({ kind: 'id-card' })
    expect(upload.filePath).toBe('/tmp/compressed-id.jpg')
  })

  it('a failed upload keeps the other photos and offers a retry that works', async () => {
    ready()
    choose.mockImplementation(async () => ({ path: `/tmp/photo-${choose.mock.calls.length}.jpg`, bytes: 100_000 }))
    let hukouAttempts = 0
    fakeApi({}, ({ request }) => {
      const kind = request.formData.kind
      if (kind === 'hukou' && (hukouAttempts += 1) === 1) return { status: 500, body: { error: { code: 'STORAGE', message: '照片保存失败，请重试。' } } }
      return json(201, { photoId: `p-${kind}`, kind, bytes: 100_000 })
    })
    render(<PhotosPage />)
    fireEvent.click(within(slot('id-card')).getByRole('button', { name: '拍照或从相册选择' }))
    await waitFor(() => expect(slot('id-card').getAttribute('data-status')).toBe('uploaded'))
    fireEvent.click(within(slot('hukou')).getByRole('button', { name: '拍照或从相册选择' }))
    await waitFor(() => expect(slot('hukou').getAttribute('data-status')).toBe('failed'))
    expect(within(slot('hukou')).getByRole('alert').textContent).toContain('照片保存失败')
    // The other photo and the form are untouched.
    expect(slot('id-card').getAttribute('data-status')).toBe('uploaded')
    expect(useDraftStore.getState().photos['id-card']?.photoId).toBe('p-id-card')
    expect(useDraftStore.getState().form).toEqual(COMPLETE_FORM)
    fireEvent.click(within(slot('hukou')).getByRole('button', { name: '重新上传' }))
    await waitFor(() => expect(slot('hukou').getAttribute('data-status')).toBe('uploaded'))
    expect(hukouAttempts).toBe(2)
    expect(choose).toHaveBeenCalledTimes(2) // the retry re-sends the same compressed photo
  })

  it('a cancelled picker changes nothing', async () => {
    ready()
    choose.mockResolvedValue(null)
    const api = fakeApi({})
    render(<PhotosPage />)
    fireEvent.click(within(slot('id-card')).getByRole('button', { name: '拍照或从相册选择' }))
    await waitFor(() => expect(slot('id-card').getAttribute('data-status')).toBe('empty'))
    expect(api.calls('POST', '/application/photos')).toHaveLength(0)
  })

  it('lists what is missing and keeps submit disabled until every photo is in', () => {
    ready()
    uploadAll(['id-card'])
    render(<PhotosPage />)
    const button = screen.getByRole('button', { name: '提交申请' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(screen.getByText(/还需上传：/).textContent).toContain('毕业证')
  })

  it('keeps submit disabled while the applicant is not eligible', () => {
    useDraftStore.getState().setBinding({ ...BINDING, financialAccountActive: false })
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    uploadAll(['id-card', 'hukou', 'graduation-certificate', 'degree-certificate'])
    render(<PhotosPage />)
    expect((screen.getByRole('button', { name: '提交申请' }) as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText(/尚不符合申请条件/)).toBeTruthy()
  })

  it('a double tap files one application, then shows the receipt', async () => {
    ready()
    uploadAll(['id-card', 'hukou', 'graduation-certificate', 'degree-certificate'])
    const answer = deferred<Answer>()
    const api = fakeApi({ 'POST /application/submit': () => answer.promise })
    render(<PhotosPage />)
    const button = screen.getByRole('button', { name: '提交申请' })
    fireEvent.click(button)
    fireEvent.click(button)
    fireEvent.click(button)
    await act(async () => answer.resolve(json(201, { applicationNo: 'ZZ2025061500001', status: 'submitted' })))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/apply/receipt/index?no=ZZ2025061500001' }))
    expect(api.calls('POST', '/application/submit')).toHaveLength(1)
    expect(useDraftStore.getState()).toMatchObject({ applicationNo: 'ZZ2025061500001', status: 'submitted', submissionKey: undefined })
  })

  it('a retry after a lost answer sends the same Idempotency-Key', async () => {
    ready()
    uploadAll(['id-card', 'hukou', 'graduation-certificate', 'degree-certificate'])
    let attempts = 0
    const api = fakeApi({
      'POST /application/submit': () => ((attempts += 1) === 1 ? 'network-error' : json(200, { applicationNo: 'ZZ9', status: 'submitted' })),
    })
    render(<PhotosPage />)
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect(await screen.findByText(/再次点击提交不会重复提交/)).toBeTruthy()
    const key = useDraftStore.getState().submissionKey
    expect(key).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const keys = api.calls('POST', '/application/submit').map((r) => r.header['Idempotency-Key'])
    expect(keys).toEqual([key, key])
  })
})
