import { Picker, Text, View } from '@tarojs/components'
import { FormField } from '../FormField'
import { cx } from '@/utils/class-names'

export interface Option<T extends string> {
  value: T
  label: string
}

interface Props<T extends string> {
  label: string
  name: string
  options: readonly Option<T>[]
  value: T | ''
  onChange: (value: T) => void
  error?: string
  hint?: string
  placeholder?: string
  required?: boolean
  readOnly?: boolean
}

/** A list choice (Taro's selector Picker); the chosen option is spelt out, not just highlighted. */
export function PickerField<T extends string>(props: Props<T>) {
  const { label, name, options, value, onChange, error, hint, placeholder = '请选择', required, readOnly } = props
  const index = options.findIndex((o) => o.value === value)
  const shown = index >= 0 ? options[index]?.label : undefined
  const face = (
    <View className={cx('field__input', 'field__picker', readOnly && 'field__input--disabled')} id={`picker-${name}`}>
      <Text className={shown ? '' : 'field__placeholder'}>{shown ?? placeholder}</Text>
      {readOnly ? null : <Text aria-hidden>›</Text>}
    </View>
  )
  return (
    <FormField label={label} name={name} error={error} hint={hint} required={required}>
      {readOnly ? (
        face
      ) : (
        <Picker
          mode='selector'
          range={options.map((o) => o.label)}
          value={index >= 0 ? index : 0}
          onChange={(e) => {
            const chosen = options[Number(e.detail.value)]
            if (chosen) onChange(chosen.value)
          }}
        >
          {face}
        </Picker>
      )}
    </FormField>
  )
}
