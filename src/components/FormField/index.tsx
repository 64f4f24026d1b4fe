import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from '@/utils/class-names'
import './index.scss'

export interface FormFieldProps {
  label: string
  /** Chinese message of what to fix, shown under the field with a marker, not by colour alone. */
  error?: string
  hint?: string
  required?: boolean
  /** Names the field for tests and for scrolling to the first error. */
  name?: string
  children: ReactNode
}

export function FormField({ label, error, hint, required, name, children }: FormFieldProps) {
  return (
    <View className={cx('field', error && 'field--error')} id={name ? `field-${name}` : undefined} data-field={name}>
      <View className='field__label'>
        <Text>{label}</Text>
        {required ? <Text className='field__required'>（必填）</Text> : null}
      </View>
      <View className='field__control'>{children}</View>
      {error ? (
        <View className='field__error' role='alert' data-testid={name ? `error-${name}` : undefined}>
          <Text className='field__error-mark'>!</Text>
          <Text>{error}</Text>
        </View>
      ) : hint ? (
        <Text className='field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}
