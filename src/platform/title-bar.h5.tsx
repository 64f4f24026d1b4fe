/**
 * The title bar for the H5 build. A browser has no mini-program title bar, so without this an H5
 * page shows no title and offers no way back but the browser's own button. It reads the same
 * navigationBarTitleText the mini-programs show. Taro's own H5 bar (window.navigationStyle
 * 'default') was tried: it clips titles to 100 px and turns each page into its own scroll box,
 * which broke taps on the lower half of long pages.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { goHome, ROUTES } from '@/utils/routes'
import './title-bar.scss'

interface Bar {
  title: string
  /** An earlier page in this visit to go back to; after a reload there is none. */
  canGoBack: boolean
  isHome: boolean
}

function readBar(): Bar {
  const instance = Taro.getCurrentInstance()
  const config = instance.page?.config as { navigationBarTitleText?: string } | undefined
  const path = (instance.router?.path ?? '').split('?')[0] ?? ''
  return {
    title: config?.navigationBarTitleText ?? document.title,
    canGoBack: Taro.getCurrentPages().length > 1,
    isHome: path === '' || path === '/' || path === ROUTES.home,
  }
}

export function TitleBar() {
  const [bar, setBar] = useState<Bar | null>(null)
  // The page instance is current only once the page shows, not while it first renders.
  useDidShow(() => setBar(readBar()))
  if (bar === null) return null
  return (
    <View className='title-bar' data-testid='title-bar'>
      {bar.canGoBack ? (
        <View className='title-bar__action' id='title-bar-back' onClick={() => void Taro.navigateBack()}>
          ‹ 返回
        </View>
      ) : bar.isHome ? null : (
        <View className='title-bar__action' id='title-bar-home' onClick={goHome}>
          首页
        </View>
      )}
      <Text className='title-bar__title'>{bar.title}</Text>
    </View>
  )
}
