import { Text, View } from '@tarojs/components'
import { FormField } from '../FormField'
import type { Option } from '../PickerField'
import { cx } from '@/utils/class-names'
import './index.scss'

interface Props<T extends string> {
  label: string
  name: string
  options: readonly Option<T>[]
  value: T | ''
  onChange: (value: T) => void
  error?: string
  hint?: string
  required?: boolean
  readOnly?: boolean
}

/** A short list of choices shown all at once, each a large tap target; the chosen one is ticked. */
export function ChoiceField<T extends string>({ label, name, options, value, onChange, error, hint, required, readOnly }: Props<T>) {
  return (
    <FormField label={label} name={name} error={error} hint={hint} required={required}>
      <View className='choice' role='radiogroup'>
        {options.map((option) => {
          const selected = option.value === value
          return (
            <View
              key={option.value}
              className={cx('choice__item', selected && 'choice__item--selected', readOnly && 'choice__item--readonly')}
              role='radio'
              aria-checked={selected}
              data-value={option.value}
              onClick={() => {
                if (!readOnly) onChange(option.value)
              }}
            >
              <Text className='choice__mark'>{selected ? '●' : '○'}</Text>
              <Text>{option.label}</Text>
            </View>
          )
        })}
      </View>
    </FormField>
  )
}
