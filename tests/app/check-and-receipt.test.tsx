import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CheckPage from '@/pages/apply/check/index'
import ReceiptPage from '@/pages/apply/receipt/index'
import { useDraftStore } from '@/stores/draft'
import { BINDING, COMPLETE_FORM, ID_NUMBER } from './support/people'
import { routerParams } from './support/taro-mock'

describe('check page (核对信息)', () => {
  beforeEach(() => {
    useDraftStore.getState().setBinding(BINDING)
    useDraftStore.getState().patchForm(COMPLETE_FORM)
  })

  it('shows everything read-only, numbers masked, with edit links', () => {
    render(<CheckPage />)
    expect(screen.queryByRole('textbox')).toBeNull()
    const text = document.body.textContent ?? ''
    expect(text).toContain(BINDING.idNumberMasked)
    expect(text).not.toContain(ID_NUMBER)
    expect(text).toContain('2024年6月30日')
    expect(text).toContain(COMPLETE_FORM['facts.employment.employer'])
    fireEvent.click(screen.getAllByRole('button', { name: '修改' })[0] as HTMLElement)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/info/index' })
  })

  it('flags the rejected fields in a resubmission', () => {
    useDraftStore.setState({ status: 'rejected' })
    useDraftStore.getState().applyRejection('2025-06-05', [{ target: 'details.mobile', code: 'WRONG', message: '号码不是本人的' }])
    render(<CheckPage />)
    expect(document.querySelector('[data-field="mobile"]')?.className).toContain('flagged')
    expect(document.querySelector('[data-field="school"]')?.className).not.toContain('flagged')
  })
})

describe('receipt', () => {
  it('shows the application number and leads to the progress', () => {
    useDraftStore.setState({ applicationNo: 'ZZ2025061500001', status: 'submitted' })
    routerParams.current = { no: 'ZZ2025061500001' }
    render(<ReceiptPage />)
    expect(screen.getByTestId('application-no').textContent).toContain('ZZ2025061500001')
    fireEvent.click(screen.getByRole('button', { name: '查看办理进度' }))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/progress/index' })
  })
})
