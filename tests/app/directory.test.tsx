import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SOCIAL_INSURANCE_BRANCHES, TALENT_WINDOWS, housingSubsidyOffice } from '@zhihui/core'
import DirectoryPage from '@/pages/guide/directory/index'
import HousingPage from '@/pages/guide/housing/index'
import { useDraftStore } from '@/stores/draft'
import { pickOption } from './support/dom'
import { fakeApi, json } from './support/fake-api'
import { routerParams } from './support/taro-mock'

const offices = { talentWindows: [...TALENT_WINDOWS], socialInsuranceBranches: [...SOCIAL_INSURANCE_BRANCHES] }

describe('service windows and branches', () => {
  it('loads the offices, then filters by district', async () => {
    fakeApi({ 'GET /offices': () => json(200, offices) })
    render(<DirectoryPage />)
    expect(screen.getByText('正在加载办事地点…')).toBeTruthy()
    await waitFor(() => expect(screen.getAllByTestId('office')).toHaveLength(TALENT_WINDOWS.length))
    pickOption('directory-district', '金水区')
    const shown = screen.getAllByTestId('office').map((o) => o.textContent)
    expect(shown).toHaveLength(TALENT_WINDOWS.filter((w) => w.district === '金水区').length)
    expect(shown[0]).toContain('金水区')
  })

  it('searches names and addresses, and says when nothing matches', async () => {
    fakeApi({ 'GET /offices': () => json(200, offices) })
    routerParams.current = { tab: 'branches' }
    render(<DirectoryPage />)
    await waitFor(() => expect(screen.getAllByTestId('office')).toHaveLength(SOCIAL_INSURANCE_BRANCHES.length))
    fireEvent.change(document.getElementById('directory-search') as HTMLInputElement, { target: { value: '伊河路' } })
    const shown = screen.getAllByTestId('office')
    expect(shown).toHaveLength(1)
    expect(shown[0]?.textContent).toContain('中原分局')
    fireEvent.change(document.getElementById('directory-search') as HTMLInputElement, { target: { value: '不存在的地址' } })
    expect(screen.getByText('没有找到符合条件的地点')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }))
    expect(screen.getAllByTestId('office')).toHaveLength(SOCIAL_INSURANCE_BRANCHES.length)
  })

  it('falls back to the bundled directory when offline, and says so', async () => {
    fakeApi({ 'GET /offices': () => 'network-error' })
    render(<DirectoryPage />)
    expect(await screen.findByText(/网络不可用，显示的是内置的办事地点信息/)).toBeTruthy()
    expect(screen.getAllByTestId('office')).toHaveLength(TALENT_WINDOWS.length)
  })

  it('taps to call (digits only) and copies the address', async () => {
    fakeApi({ 'GET /offices': () => json(200, offices) })
    render(<DirectoryPage />)
    await waitFor(() => expect(screen.getAllByTestId('office').length).toBeGreaterThan(0))
    const first = TALENT_WINDOWS[0]
    fireEvent.click(screen.getAllByRole('button', { name: '拨打' })[0] as HTMLElement)
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: first?.phone.replace(/-/g, '') })
    fireEvent.click(screen.getAllByRole('button', { name: '复制地址' })[0] as HTMLElement)
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: first?.address }))
  })
})

describe('housing-subsidy guide', () => {
  it('names the office for the district of the home', () => {
    render(<HousingPage />)
    expect(screen.getByText(/您还没有提交生活补贴申请/)).toBeTruthy()
    pickOption('housing-district', '金水区')
    expect(screen.getByTestId('office').textContent).toContain(housingSubsidyOffice('金水区').name)
    pickOption('housing-district', '新郑市')
    const office = housingSubsidyOffice('新郑市')
    expect(screen.getByTestId('office').textContent).toContain(office.address ?? 'missing')
  })

  it('tells an applicant who already applied that they may go ahead', () => {
    useDraftStore.setState({ status: 'under-review', applicationNo: 'ZZ1' })
    render(<HousingPage />)
    expect(screen.getByText(/您已申请生活补贴/)).toBeTruthy()
  })
})
