import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  title?: string
  description?: string
  children: ReactNode
  /** An action shown on the right of the title (e.g. an edit link). */
  extra?: ReactNode
}

export function Section({ title, description, children, extra }: Props) {
  return (
    <View className='section'>
      {title ? (
        <View className='section__head'>
          <Text className='section__title'>{title}</Text>
          {extra}
        </View>
      ) : null}
      {description ? <Text className='section__description'>{description}</Text> : null}
      <View className='section__body'>{children}</View>
    </View>
  )
}
