import { Input, Text, View } from '@tarojs/components'
import { FormField } from '../FormField'
import { cx } from '@/utils/class-names'

interface Props {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  /** Validate as the applicant leaves the field. */
  onBlur?: (value: string) => void
  error?: string
  hint?: string
  placeholder?: string
  type?: 'text' | 'number' | 'idcard' | 'digit'
  maxlength?: number
  required?: boolean
  /** Read-only: shows the value as text (e.g. fields not rejected, in fix mode). */
  readOnly?: boolean
}

export function TextField(props: Props) {
  const { label, name, value, onChange, onBlur, error, hint, placeholder, type = 'text', maxlength, required, readOnly } = props
  return (
    <FormField label={label} name={name} error={error} hint={hint} required={required}>
      {readOnly ? (
        <View className='field__input field__input--disabled'>
          <Text>{value || '（未填写）'}</Text>
        </View>
      ) : (
        <Input
          className={cx('field__input')}
          id={`input-${name}`}
          name={name}
          value={value}
          type={type}
          placeholder={placeholder}
          placeholderClass='field__placeholder'
          maxlength={maxlength ?? 140}
          ariaLabel={label}
          onInput={(e) => onChange(e.detail.value)}
          onBlur={(e) => onBlur?.(e.detail.value)}
        />
      )}
    </FormField>
  )
}
