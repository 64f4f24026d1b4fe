import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/class-names'
import './index.scss'

interface Props {
  label: string
  value: string
  /** Marks a row a reviewer asked to correct. */
  flagged?: boolean
  name?: string
}

/** One line of read-only information: label on the left, value on the right. */
export function InfoRow({ label, value, flagged, name }: Props) {
  return (
    <View className={cx('info-row', flagged && 'info-row--flagged')} data-field={name}>
      <Text className='info-row__label'>{label}</Text>
      <Text className='info-row__value'>
        {flagged ? '✗ ' : ''}
        {value || '（未填写）'}
      </Text>
    </View>
  )
}
