import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { idNumberCheckChar, TALENT_OFFICE, TALENT_SERVICES, type TalentRequestView } from '@zhihui/core'
import HomePage from '@/pages/index/index'
import TalentRatePage from '@/talent/pages/rate/index'
import TalentRequestsPage from '@/talent/pages/requests/index'
import TalentServicesPage from '@/talent/pages/services/index'
import TalentVerifyPage from '@/talent/pages/verify/index'
import { usePreferencesStore } from '@/stores/preferences'
import { typeInto } from './support/dom'
import { apiError, fakeApi, json, type Route } from './support/fake-api'
import { routerParams } from './support/taro-mock'

const TALENT_ID = `41010519620315301${idNumberCheckChar('41010519620315301')}`
const profile = { name: '王建国', tier: 'top', tierLabel: '顶尖人才', idNumberMasked: '4101**********3017', certificateNoMasked: 'GCC******01', mobileMasked: null }
const services = { services: TALENT_SERVICES.map(({ id, label, hint, bureau }) => ({ id, label, hint, bureau })) }
const verifiedRoutes: Record<string, Route> = {
  'GET /talent/me': () => json(200, { talent: profile }),
  'GET /talent/services': () => json(200, services),
}

function request(overrides: Partial<TalentRequestView> = {}): TalentRequestView {
  return {
    requestId: 'r1',
    status: 'open',
    statusLabel: '已提交',
    serviceId: 'children-schooling',
    serviceLabel: '子女入学',
    bureau: '教育局',
    note: null,
    filedAt: '2025-06-15T02:00:00.000Z',
    timeline: [{ status: 'open', label: '已提交', at: '2025-06-15T02:00:00.000Z' }],
    contact: { bureau: '教育局', staffName: null, phone: TALENT_OFFICE.phone, phoneIsOffice: true },
    arrangement: null,
    rating: null,
    followUp: null,
    canCancel: true,
    canRate: false,
    ...overrides,
  }
}

describe('home: the entry and the news feed (信息联动)', () => {
  it('opens 高层次人才服务 and shows what the bureaus published', async () => {
    fakeApi({
      'GET /news': () =>
        json(200, {
          items: [{ id: 'n1', title: '人才子女入学安排', body: '请有需要的人才在平台提出子女入学服务需求。', bureau: '教育局', publishedAt: '2025-06-14T02:00:00.000Z' }],
        }),
    })
    render(<HomePage />)
    expect(await screen.findByText('人才子女入学安排')).toBeTruthy()
    expect(screen.getByText(/教育局 · 2025年6月14日/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '高层次人才服务' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/talent/pages/services/index' })
  })

  it('leaves the feed out when nothing is published', async () => {
    const api = fakeApi({ 'GET /news': () => json(200, { items: [] }) })
    render(<HomePage />)
    await waitFor(() => expect(api.calls('GET', '/news')).toHaveLength(1))
    await waitFor(() => expect(screen.queryByText('人才政策与新闻')).toBeNull())
  })
})

describe('verification against the talent registry', () => {
  async function openForm(): Promise<void> {
    render(<TalentVerifyPage />)
    expect(screen.getByText(/身份证号码属于敏感个人信息/)).toBeTruthy()
    expect(screen.queryByRole('textbox')).toBeNull()
    fireEvent.click(screen.getByRole('checkbox'))
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))
    await screen.findByRole('button', { name: '核验身份' })
  }

  function fill(certificateNo = 'GCC20180001'): void {
    typeInto('name', '王建国')
    typeInto('idNumber', TALENT_ID)
    typeInto('certificateNo', certificateNo)
  }

  it('asks for consent first, then checks the fields with core', async () => {
    const api = fakeApi({})
    await openForm()
    typeInto('idNumber', '123')
    fireEvent.click(screen.getByRole('button', { name: '核验身份' }))
    expect(await screen.findByText(/请按提示修改标出的项目/)).toBeTruthy()
    expect(api.calls('POST', '/talent/verification')).toHaveLength(0)
  })

  it('tells someone not in the registry kindly, with the talent office’s phone, and files nothing', async () => {
    const api = fakeApi({
      'POST /talent/verification': () =>
        apiError(422, 'TALENT_NOT_FOUND', `很抱歉，在“智汇郑州”高层次人才认定名单中没有找到……本次没有提交任何服务请求。请致电${TALENT_OFFICE.phone}`),
    })
    await openForm()
    fill('GCC99999999')
    fireEvent.click(screen.getByRole('button', { name: '核验身份' }))
    expect(await screen.findByText('【注意】没有找到您的人才认定信息')).toBeTruthy()
    expect(screen.getByText(/本次没有提交任何服务请求/)).toBeTruthy()
    expect(screen.getByText(`${TALENT_OFFICE.name}：${TALENT_OFFICE.phone}`)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '拨打人才服务窗口电话' }))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '037167178906' })
    expect(api.sent.filter((r) => r.path.startsWith('/talent/requests'))).toHaveLength(0)
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('sends consent and what core normalised, then goes to the services', async () => {
    const api = fakeApi({ 'POST /talent/verification': () => json(200, { talent: profile }) })
    await openForm()
    fill('gcc20180001')
    typeInto('mobile', '13803710001')
    fireEvent.click(screen.getByRole('button', { name: '核验身份' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/talent/pages/services/index' }))
    expect(api.calls('POST', '/talent/verification')[0]?.data).toEqual({
      consent: true,
      name: '王建国',
      idNumber: TALENT_ID,
      certificateNo: 'GCC20180001',
      mobile: '13803710001',
    })
  })
})

describe('one-tap services', () => {
  it('sends someone not yet verified to the verification', async () => {
    fakeApi({ 'GET /talent/me': () => apiError(404, 'NOT_FOUND', '尚未完成高层次人才身份核验。'), 'GET /talent/services': () => json(200, services) })
    render(<TalentServicesPage />)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/talent/pages/verify/index' }))
  })

  it('files a request with one tap and an Idempotency-Key; a second tap in flight files nothing more', async () => {
    let release!: () => void
    const api = fakeApi({
      ...verifiedRoutes,
      'POST /talent/requests': () =>
        new Promise((resolve) => {
          release = () => resolve(json(200, { requestId: 'r1', status: 'open' }))
        }),
    })
    render(<TalentServicesPage />)
    expect(await screen.findByText('王建国您好（顶尖人才）')).toBeTruthy()
    const button = document.getElementById('service-children-schooling') as HTMLElement
    fireEvent.click(button)
    fireEvent.click(button)
    await waitFor(() => expect(api.calls('POST', '/talent/requests')).toHaveLength(1))
    await act(async () => release())
    expect(await screen.findByText(/已提交“子女入学”服务需求，教育局服务人员将尽快与您联系/)).toBeTruthy()
    const sent = api.calls('POST', '/talent/requests')[0]
    expect(sent?.data).toEqual({ serviceId: 'children-schooling' })
    expect(sent?.header['Idempotency-Key']).toMatch(/^[\x21-\x7e]{1,128}$/)
  })

  it('undoes within the few seconds: the request is cancelled', async () => {
    const api = fakeApi({
      ...verifiedRoutes,
      'POST /talent/requests': () => json(200, { requestId: 'r9', status: 'open' }),
      'POST /talent/requests/r9/cancel': () => json(200, { requestId: 'r9', status: 'cancelled' }),
    })
    render(<TalentServicesPage />)
    fireEvent.click(await screen.findByText('就医保健'))
    fireEvent.click(await screen.findByRole('button', { name: /撤销（5秒）/ }))
    expect(await screen.findByText('【提示】已撤销“就医保健”需求')).toBeTruthy()
    expect(api.calls('POST', '/talent/requests/r9/cancel')).toHaveLength(1)
  })

  it('keeps the request when the undo time runs out', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    try {
      fakeApi({ ...verifiedRoutes, 'POST /talent/requests': () => json(200, { requestId: 'r2', status: 'open' }) })
      render(<TalentServicesPage />)
      fireEvent.click(await screen.findByText('配偶就业'))
      expect(await screen.findByRole('button', { name: /撤销（5秒）/ })).toBeTruthy()
      await act(async () => {
        await jest.advanceTimersByTimeAsync(5000)
      })
      expect(screen.queryByRole('button', { name: /撤销/ })).toBeNull()
      expect(screen.getByText('【完成】“配偶就业”需求已提交')).toBeTruthy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('retries a tap whose answer was lost with the same key', async () => {
    let first = true
    const api = fakeApi({
      ...verifiedRoutes,
      'POST /talent/requests': () => {
        if (first) {
          first = false
          return 'network-error'
        }
        return json(200, { requestId: 'r3', status: 'open' })
      },
    })
    render(<TalentServicesPage />)
    fireEvent.click(await screen.findByText('住房保障'))
    expect(await screen.findByText(/再点一次不会重复提交/)).toBeTruthy()
    fireEvent.click(screen.getByText('住房保障'))
    expect(await screen.findByRole('button', { name: /撤销/ })).toBeTruthy()
    const [a, b] = api.calls('POST', '/talent/requests')
    expect(a?.header['Idempotency-Key']).toBe(b?.header['Idempotency-Key'])
  })

  it('is larger in elderly mode, like every page', async () => {
    usePreferencesStore.getState().setElderly(true)
    fakeApi(verifiedRoutes)
    const { container } = render(<TalentServicesPage />)
    await screen.findByText('王建国您好（顶尖人才）')
    expect(container.querySelector('.page--elderly')).not.toBeNull()
  })
})

describe('my requests', () => {
  it('shows the timeline, who serves me and how to reach them, and the bureau’s answer', async () => {
    fakeApi({
      'GET /talent/requests': () =>
        json(200, {
          requests: [
            request({
              requestId: 'r5',
              status: 'rated',
              statusLabel: '已评价',
              canCancel: false,
              timeline: [
                { status: 'open', label: '已提交', at: '2025-06-10T02:00:00.000Z' },
                { status: 'confirmed', label: '已确认', at: '2025-06-10T03:00:00.000Z' },
                { status: 'arranged', label: '已安排', at: '2025-06-10T04:00:00.000Z' },
                { status: 'done', label: '已完成', at: '2025-06-12T04:00:00.000Z' },
                { status: 'rated', label: '已评价', at: '2025-06-12T05:00:00.000Z' },
              ],
              arrangement: { when: '2025-06-12 09:30', where: '市教育局二楼', who: '刘洋', phone: '0371-12345678' },
              contact: { bureau: '教育局', staffName: '刘洋', phone: '0371-12345678', phoneIsOffice: false },
              rating: { level: 2, label: '不满意', comment: null, complaint: '等了很久', ratedAt: '2025-06-12T05:00:00.000Z' },
              followUp: { due: '2025-07-03', overdue: false, answer: '已改进排期。', answeredAt: '2025-06-13T02:00:00.000Z', answeredLate: false },
            }),
          ],
        }),
    })
    render(<TalentRequestsPage />)
    const card = await screen.findByText('子女入学')
    const root = card.closest('[data-request]') as HTMLElement
    expect([...root.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step'))).toEqual(['open', 'confirmed', 'arranged', 'done', 'rated'])
    expect(within(root).getByText('服务人员：刘洋')).toBeTruthy()
    expect(within(root).getByText('地点：市教育局二楼')).toBeTruthy()
    expect(within(root).getByText('投诉：等了很久')).toBeTruthy()
    expect(within(root).getByText('已改进排期。')).toBeTruthy()
    fireEvent.click(within(root).getByRole('button', { name: '拨打刘洋的电话' }))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '037112345678' })
  })

  it('shows an unanswered complaint past its due date as overdue', async () => {
    fakeApi({
      'GET /talent/requests': () =>
        json(200, {
          requests: [
            request({
              status: 'rated',
              canCancel: false,
              rating: { level: 1, label: '非常不满意', comment: null, complaint: '无人联系', ratedAt: '2025-05-01T02:00:00.000Z' },
              followUp: { due: '2025-05-23', overdue: true, answer: null, answeredAt: null, answeredLate: false },
            }),
          ],
        }),
    })
    render(<TalentRequestsPage />)
    expect(await screen.findByText(/教育局将在2025年5月23日前回访并答复您的意见/)).toBeTruthy()
    expect(screen.getByText(/已超过答复期限/)).toBeTruthy()
  })

  it('cancels an open request after asking, and leads a done one to the rating', async () => {
    const api = fakeApi({
      'GET /talent/requests': () => json(200, { requests: [request(), request({ requestId: 'r7', status: 'done', statusLabel: '已完成', canCancel: false, canRate: true })] }),
      'POST /talent/requests/r1/cancel': () => json(200, { requestId: 'r1', status: 'cancelled' }),
    })
    render(<TalentRequestsPage />)
    fireEvent.click(await screen.findByRole('button', { name: '撤销这条请求' }))
    await waitFor(() => expect(api.calls('POST', '/talent/requests/r1/cancel')).toHaveLength(1))
    expect(Taro.showModal).toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '评价这次服务' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/talent/pages/rate/index?id=r7&service=%E5%AD%90%E5%A5%B3%E5%85%A5%E5%AD%A6' })
  })

  it('offers the service list when there is nothing yet', async () => {
    fakeApi({ 'GET /talent/requests': () => json(200, { requests: [] }) })
    render(<TalentRequestsPage />)
    fireEvent.click(await screen.findByRole('button', { name: '去提出需求' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/talent/pages/services/index' })
  })
})

describe('rating a service', () => {
  beforeEach(() => {
    routerParams.current = { id: 'r7', service: '子女入学' }
  })

  it('sends the level, the comment and a complaint', async () => {
    const api = fakeApi({ 'POST /talent/requests/r7/rating': () => json(200, { requestId: 'r7', status: 'rated', followUpDue: '2025-07-04' }) })
    render(<TalentRatePage />)
    expect(screen.getByText('您对“子女入学”满意吗？')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }))
    expect(await screen.findByText('【出错了】请选择一个评价等级。')).toBeTruthy()
    fireEvent.click(document.getElementById('rating-2') as HTMLElement)
    expect(document.getElementById('rating-2')?.getAttribute('aria-checked')).toBe('true')
    typeInto('comment', '安排较慢')
    fireEvent.click(screen.getByRole('switch'))
    typeInto('complaint', '等了一周才联系')
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/talent/pages/requests/index' }))
    expect(api.calls('POST', '/talent/requests/r7/rating')[0]?.data).toEqual({ level: 2, comment: '安排较慢', complaint: '等了一周才联系' })
  })

  it('shows the server’s refusal (rated twice: 409)', async () => {
    fakeApi({ 'POST /talent/requests/r7/rating': () => apiError(409, 'ALREADY_RATED', '这次服务您已经评价过了，每次服务只能评价一次。') })
    render(<TalentRatePage />)
    fireEvent.click(screen.getByRole('radio', { name: /非常满意/ }))
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }))
    expect(await screen.findByText(/每次服务只能评价一次/)).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})
