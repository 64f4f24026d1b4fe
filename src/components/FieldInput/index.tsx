import { dateBounds, type FieldDefinition } from '@zhihui/core'
import { ChoiceField } from '../ChoiceField'
import { DateField } from '../DateField'
import { PickerField } from '../PickerField'
import { SwitchField } from '../SwitchField'
import { TextField } from '../TextField'

interface Props {
  field: FieldDefinition
  value: string | boolean
  /** 'YYYY-MM-DD': bounds the date pickers. */
  today: string
  error?: string
  readOnly?: boolean
  /** Show "（必填）" beside required fields (the self-check asks, it does not require). */
  markRequired?: boolean
  /** A choice (picker, date, switch), complete when made. */
  onChoose: (value: string | boolean) => void
  /** Typing in a text field; it is checked when left (`onBlur`). */
  onType: (value: string) => void
  onBlur?: () => void
}

/**
 * One field of a core form table (FORM_FIELDS, SELF_CHECK_FIELDS), drawn by the widget the table
 * names: a new kind of widget is one case here. Page element ids come from the field's `id`.
 */
export function FieldInput({ field, value, today, error, readOnly, markRequired = true, onChoose, onType, onBlur }: Props) {
  const common = { label: field.label, name: field.id, error, hint: field.help, readOnly }
  const required = markRequired && field.required
  const text = typeof value === 'string' ? value : ''
  switch (field.widget) {
    case 'switch':
      return <SwitchField {...common} checked={value === true} onChange={onChoose} />
    case 'select':
      return <PickerField {...common} required={required} options={field.options ?? []} value={text} onChange={onChoose} />
    case 'radio':
      return <ChoiceField {...common} required={required} options={field.options ?? []} value={text} onChange={onChoose} />
    case 'date': {
      const { earliest, latest } = dateBounds(field, today)
      return <DateField {...common} required={required} value={text} start={earliest} end={latest} onChange={onChoose} />
    }
    case 'text':
      return (
        <TextField
          {...common}
          required={required}
          value={text}
          type={field.keyboard === 'number' ? 'number' : 'text'}
          placeholder={field.placeholder}
          maxlength={field.bounds?.maxLength}
          onChange={onType}
          onBlur={onBlur}
        />
      )
  }
}
