import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/class-names'
import './index.scss'

export const APPLY_STEPS = ['绑定社保卡', '填写信息', '核对信息', '上传照片', '提交'] as const

/**
 * Where the applicant is in the online application; the current step is named, not only
 * coloured. `current` equal to the number of steps means all are done.
 */
export function StepIndicator({ current }: { current: number }) {
  const finished = current >= APPLY_STEPS.length
  const label = APPLY_STEPS[current] ?? ''
  const caption = finished ? '全部完成：申请已提交' : `第${current + 1}步（共${APPLY_STEPS.length}步）：${label}`
  return (
    <View className='steps' aria-label={caption}>
      <View className='steps__row'>
        {APPLY_STEPS.map((step, index) => (
          <View
            key={step}
            className={cx('steps__dot', index < current && 'steps__dot--done', index === current && 'steps__dot--current')}
          >
            <Text>{index < current ? '✓' : index + 1}</Text>
          </View>
        ))}
      </View>
      <Text className='steps__caption'>{caption}</Text>
    </View>
  )
}
