/**
 * The application form as the clerk fills it, drawn from core's FORM_FIELDS: sections and the
 * fields they show (shownSections / isFieldShown), labels, help, options and bounds from the
 * table, one antd widget per widget kind. A new field is a row in core; a new kind of widget is
 * one case in FieldControl (the switch is exhaustive, so the type check says so).
 */
import { DatePicker, Form, Input, Radio, Select, Switch } from 'antd'
import dayjs from 'dayjs'
import { dateBounds, FORM_FIELDS, FORM_SECTIONS, shownSections, type FieldDefinition, type FormValues } from '@zhihui/core'

export type FieldErrors = Readonly<Record<string, string>>

interface ControlProps {
  field: FieldDefinition
  value: string | boolean
  today: string
  onChange: (value: string | boolean) => void
  invalid: boolean
}

/** One field's antd widget, by the widget kind the table names. Element id: `field-${id}`. */
export function FieldControl({ field, value, today, onChange, invalid }: ControlProps) {
  const id = `field-${field.id}`
  const text = typeof value === 'string' ? value : ''
  const status = invalid ? 'error' : undefined
  switch (field.widget) {
    case 'switch':
      return <Switch id={id} checked={value === true} checkedChildren='是' unCheckedChildren='否' onChange={(checked) => onChange(checked)} />
    case 'select':
      return (
        <Select
          id={id}
          status={status}
          value={text === '' ? undefined : text}
          placeholder={`请选择${field.label}`}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          onChange={(next: string | undefined) => onChange(next ?? '')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ maxWidth: 360 }}
        />
      )
    case 'radio':
      return (
        <Radio.Group id={id} value={text === '' ? undefined : text} onChange={(e) => onChange(String(e.target.value))} optionType='button' buttonStyle='solid'>
          {(field.options ?? []).map((o) => (
            <Radio.Button key={o.value} value={o.value}>
              {o.label}
            </Radio.Button>
          ))}
        </Radio.Group>
      )
    case 'date': {
      const { earliest, latest } = dateBounds(field, today)
      const parsed = text === '' ? null : dayjs(text, 'YYYY-MM-DD', true)
      return (
        <DatePicker
          id={id}
          status={status}
          value={parsed !== null && parsed.isValid() ? parsed : null}
          format='YYYY-MM-DD'
          placeholder='年-月-日'
          minDate={dayjs(earliest)}
          maxDate={dayjs(latest)}
          onChange={(date) => onChange(date === null ? '' : date.format('YYYY-MM-DD'))}
          style={{ width: 200 }}
        />
      )
    }
    case 'text':
      return (
        <Input
          id={id}
          status={status}
          value={text}
          placeholder={field.placeholder}
          maxLength={field.bounds?.maxLength}
          inputMode={field.keyboard === 'number' ? 'numeric' : undefined}
          onChange={(e) => onChange(e.target.value)}
          style={{ maxWidth: 480 }}
        />
      )
  }
}

interface Props {
  values: FormValues
  errors: FieldErrors
  today: string
  onChange: (key: string, value: string | boolean) => void
  disabled?: boolean
}

/** Every section with the fields shown for these values. Hidden fields keep their values (nothing entered is lost); formBody leaves them out. */
export function IntakeFormFields({ values, errors, today, onChange, disabled }: Props) {
  const raw = values as unknown as Record<string, string | boolean>
  return (
    <Form layout='vertical' component='div' disabled={disabled} className='intake-form'>
      {shownSections(FORM_SECTIONS, FORM_FIELDS as readonly FieldDefinition[], raw).map(({ section, fields }) => (
        <fieldset key={section.id} className='intake-section' data-section={section.id}>
          <legend className='intake-section-title'>{section.title}</legend>
          {fields.map((field) => {
            const error = errors[field.key]
            return (
              <Form.Item
                key={field.key}
                label={field.label}
                htmlFor={`field-${field.id}`}
                required={field.required}
                validateStatus={error !== undefined ? 'error' : undefined}
                help={error}
                extra={field.help}
                data-field={field.key}
              >
                <FieldControl field={field} value={raw[field.key] ?? ''} today={today} invalid={error !== undefined} onChange={(v) => onChange(field.key, v)} />
              </Form.Item>
            )
          })}
        </fieldset>
      ))}
    </Form>
  )
}
