import { TextField } from '../TextField'

/** One text field of a small form (card binding, talent verification): how it is shown. */
export interface TextFieldSpec<K extends string> {
  name: K
  label: string
  placeholder: string
  maxlength: number
  type?: 'text' | 'number' | 'idcard' | 'digit'
  required?: boolean
}

/** The name and ID number fields, asked the same way wherever a person is identified. */
export const NAME_FIELD = { name: 'name', label: '姓名', placeholder: '与身份证上的姓名一致', maxlength: 30, required: true } as const
export const ID_NUMBER_FIELD = {
  name: 'idNumber',
  label: '身份证号码',
  type: 'idcard',
  placeholder: '18位，最后一位可能是X',
  maxlength: 18,
  required: true,
} as const

/** What a small form's hook gives its fields: values, errors, and what to do on typing and leaving. */
export interface TextFieldForm<K extends string> {
  values: Record<K, string>
  errors: Partial<Record<K, string | undefined>>
  change: (field: K, value: string) => void
  blur: (field: K, value: string) => void
}

export function TextFieldList<K extends string>({ specs, form }: { specs: readonly TextFieldSpec<K>[]; form: TextFieldForm<K> }) {
  return (
    <>
      {specs.map((spec) => (
        <TextField
          key={spec.name}
          {...spec}
          value={form.values[spec.name]}
          error={form.errors[spec.name]}
          onChange={(v) => form.change(spec.name, v)}
          onBlur={(v) => form.blur(spec.name, v)}
        />
      ))}
    </>
  )
}
