import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  tone?: 'info' | 'success' | 'warning' | 'error'
  title?: string
  children?: ReactNode
}

/** The words in front of each tone name it, so the tone is not told by colour alone. */
const TONE_WORDS = { info: '提示', success: '完成', warning: '注意', error: '出错了' } as const

export function Notice({ tone = 'info', title, children }: Props) {
  return (
    <View className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Text className='notice__title'>
        【{TONE_WORDS[tone]}】{title ?? ''}
      </Text>
      {children ? <View className='notice__body'>{children}</View> : null}
    </View>
  )
}
