import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/** Marks a field the reviewer rejected, with the reviewer's words above it. */
export function ReviewNote({ reason, children }: { reason?: string; children: ReactNode }) {
  if (!reason) return <>{children}</>
  return (
    <View className='review-note' data-testid='review-note'>
      <Text className='review-note__text'>✗ 审核意见：{reason}</Text>
      {children}
    </View>
  )
}
