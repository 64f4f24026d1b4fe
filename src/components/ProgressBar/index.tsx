import { Text, View } from '@tarojs/components'
import './index.scss'

/** Upload progress, with the percentage written out beside the bar. */
export function ProgressBar({ percent, label = '上传中' }: { percent: number; label?: string }) {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <View className='progress' role='progressbar' aria-valuenow={clamped} aria-valuemin={0} aria-valuemax={100}>
      <View className='progress__track'>
        <View className='progress__fill' style={{ width: `${clamped}%` }} />
      </View>
      <Text className='progress__text'>
        {label} {clamped}%
      </Text>
    </View>
  )
}
