import { Picker, Text, View } from '@tarojs/components'
import { FormField } from '../FormField'
import { cx } from '@/utils/class-names'
import { formatDate } from '@/utils/format'

interface Props {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
  start?: string
  end?: string
  required?: boolean
  readOnly?: boolean
}

/** A date chosen with the platform's date picker, stored as 'YYYY-MM-DD', shown as 2024年6月30日. */
export function DateField({ label, name, value, onChange, error, hint, start = '1950-01-01', end, required, readOnly }: Props) {
  const face = (
    <View className={cx('field__input', 'field__picker', readOnly && 'field__input--disabled')} id={`date-${name}`}>
      <Text className={value ? '' : 'field__placeholder'}>{value ? formatDate(value) : '请选择日期'}</Text>
      {readOnly ? null : <Text aria-hidden>›</Text>}
    </View>
  )
  return (
    <FormField label={label} name={name} error={error} hint={hint} required={required}>
      {readOnly ? (
        face
      ) : (
        <Picker mode='date' value={value || end || '2024-07-01'} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
          {face}
        </Picker>
      )}
    </FormField>
  )
}
