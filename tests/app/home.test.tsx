import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { COMPLAINT_PHONE, POLICY_VERSIONS } from '@zhihui/core'
import HomePage from '@/pages/index/index'
import SelfCheckPage from '@/pages/guide/self-check/index'
import { useDraftStore } from '@/stores/draft'
import { usePreferencesStore } from '@/stores/preferences'
import { BINDING } from './support/people'

describe('home', () => {
  it('shows the amounts from the policy in force and “accepted all year”', () => {
    render(<HomePage />)
    const policy = POLICY_VERSIONS['2017']
    expect(screen.getByText(`${policy.monthlyYuan.doctorate.toLocaleString('zh-CN')}元/月`)).toBeTruthy()
    expect(screen.getByText(/常年受理/)).toBeTruthy()
    expect(screen.getByText(new RegExp(`最长发放${policy.months}个月`))).toBeTruthy()
  })

  it('calls the complaints line', () => {
    render(<HomePage />)
    fireEvent.click(screen.getByRole('button', { name: '拨打投诉电话' }))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: COMPLAINT_PHONE.replace(/-/g, '') })
  })

  it('“apply” starts with the card binding, then continues where the applicant stopped', () => {
    const { unmount } = render(<HomePage />)
    fireEvent.click(screen.getByRole('button', { name: '在线申请' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/apply/bind-card/index' })
    unmount()
    useDraftStore.getState().setBinding(BINDING)
    useDraftStore.getState().setField('details.mobile', '138')
    render(<HomePage />)
    fireEvent.click(screen.getByRole('button', { name: '继续填写申请' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/apply/info/index' })
  })

  it('after submitting, leads to the progress instead', () => {
    useDraftStore.setState({ applicationNo: 'ZZ1', status: 'under-review' })
    render(<HomePage />)
    expect(screen.getByText(/ZZ1/).textContent).toContain('审核中')
    fireEvent.click(screen.getByRole('button', { name: '查看我的申请' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/progress/index' })
  })

  it('elderly mode enlarges every page and is remembered', () => {
    const { container } = render(<HomePage />)
    expect(container.querySelector('.page--elderly')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '开启长辈模式' }))
    expect(container.querySelector('.page--elderly')).not.toBeNull()
    expect(usePreferencesStore.getState().elderly).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: '关闭长辈模式' }))
    expect(container.querySelector('.page--elderly')).toBeNull()
  })

  it('elderly mode turns yes/no switches into two large buttons', () => {
    usePreferencesStore.getState().setElderly(true)
    render(<SelfCheckPage />)
    expect(screen.queryByRole('switch')).toBeNull()
    const no = document.getElementById('switch-sc-overseasReturnee-no') as HTMLElement
    const yes = document.getElementById('switch-sc-overseasReturnee-yes') as HTMLElement
    expect(no.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(yes)
    expect(yes.getAttribute('aria-checked')).toBe('true')
    expect(no.getAttribute('aria-checked')).toBe('false')
  })
})
