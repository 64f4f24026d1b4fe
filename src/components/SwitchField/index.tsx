import { Switch, Text, View } from '@tarojs/components'
import { usePreferencesStore } from '@/stores/preferences'
import { cx } from '@/utils/class-names'
import { FormField } from '../FormField'
import '../ChoiceField/index.scss'
import './index.scss'

interface Props {
  label: string
  name: string
  checked: boolean
  onChange: (checked: boolean) => void
  error?: string
  hint?: string
  readOnly?: boolean
}

/**
 * A yes/no question; the answer is also written out ("是"/"否") so colour is not the only signal.
 * In elderly mode the small platform switch becomes two large buttons (tap targets ≥ 60 dp).
 */
export function SwitchField({ label, name, checked, onChange, error, hint, readOnly }: Props) {
  const elderly = usePreferencesStore((s) => s.elderly)
  return (
    <FormField label={label} name={name} error={error} hint={hint}>
      {elderly ? (
        <View className='switch-field switch-field--buttons' role='radiogroup'>
          {[true, false].map((value) => (
            <View
              key={String(value)}
              id={`switch-${name}-${value ? 'yes' : 'no'}`}
              className={cx('choice__item', 'switch-field__button', checked === value && 'choice__item--selected', readOnly && 'choice__item--readonly')}
              role='radio'
              aria-checked={checked === value}
              onClick={() => {
                if (!readOnly && checked !== value) onChange(value)
              }}
            >
              <Text className='choice__mark'>{checked === value ? '●' : '○'}</Text>
              <Text>{value ? '是' : '否'}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View className='switch-field'>
          <Text className='switch-field__answer'>{checked ? '是' : '否'}</Text>
          <Switch
            id={`switch-${name}`}
            checked={checked}
            disabled={readOnly}
            color='#1a5fb4'
            ariaLabel={label}
            onChange={(e) => onChange(Boolean(e.detail.value))}
          />
        </View>
      )}
    </FormField>
  )
}
