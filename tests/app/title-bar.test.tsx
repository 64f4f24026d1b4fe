import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
// The H5 file itself: Jest resolves '@/platform/title-bar' to the mini-program one, which draws nothing.
import { TitleBar } from '@/platform/title-bar.h5'
import { TitleBar as MiniTitleBar } from '@/platform/title-bar'

const taro = Taro as unknown as {
  getCurrentPages: jest.Mock
  getCurrentInstance: jest.Mock
  navigateBack: jest.Mock
  reLaunch: jest.Mock
}

function onPage(path: string, title: string | undefined, depth: number): void {
  taro.getCurrentInstance.mockImplementation(() => ({
    page: { config: title === undefined ? {} : { navigationBarTitleText: title } },
    router: { path },
  }))
  taro.getCurrentPages.mockImplementation(() => Array.from({ length: depth }, () => ({})))
}

describe('the H5 title bar', () => {
  it('shows the page’s own title and goes back when there is a page to go back to', () => {
    onPage('/pages/apply/info/index', '填写申请信息', 3)
    render(<TitleBar />)
    expect(screen.getByText('填写申请信息')).toBeTruthy()
    expect(screen.queryByText('首页')).toBeNull()
    fireEvent.click(screen.getByText('‹ 返回'))
    expect(taro.navigateBack).toHaveBeenCalledTimes(1)
  })

  it('after a reload (no page behind this one) offers the home page instead of a dead back button', () => {
    onPage('/pages/progress/index', '我的办理进度', 1)
    render(<TitleBar />)
    expect(screen.queryByText('‹ 返回')).toBeNull()
    fireEvent.click(screen.getByText('首页'))
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('on the home page shows neither, and falls back to the document title when a page has none', () => {
    document.title = '智汇郑州'
    onPage('/pages/index/index', undefined, 1)
    render(<TitleBar />)
    expect(screen.getByTestId('title-bar').textContent).toBe('智汇郑州')
  })

  it('draws nothing on the mini-programs, whose host draws the bar', () => {
    const { container } = render(<MiniTitleBar />)
    expect(container.innerHTML).toBe('')
  })
})
