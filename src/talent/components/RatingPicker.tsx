import { Text, View } from '@tarojs/components'
import { RATING_LEVELS, type RatingLevel } from '@zhihui/core'
import { cx } from '@/utils/class-names'

interface Props {
  value: RatingLevel | undefined
  onChange: (level: RatingLevel) => void
}

/** The five levels of the 好差评 scale as five large choices; the chosen one is ticked, not only coloured. */
export function RatingPicker({ value, onChange }: Props) {
  return (
    <View className='talent-rating' role='radiogroup' aria-label='评价等级'>
      {RATING_LEVELS.map((entry) => (
        <View
          key={entry.level}
          id={`rating-${entry.level}`}
          className={cx('talent-rating__option', value === entry.level && 'talent-rating__option--chosen')}
          role='radio'
          aria-checked={value === entry.level}
          onClick={() => onChange(entry.level)}
        >
          <Text className='talent-rating__mark'>{value === entry.level ? '◉' : '○'}</Text>
          <Text>{entry.label}</Text>
        </View>
      ))}
    </View>
  )
}
