import type { FieldError } from '../types'
import { fieldErrorMessage, fieldErrorsFor } from './field-errors'
import { validateApplicationForm } from './validate-application-form'

const errors: FieldError[] = [
  { field: 'facts.hukou.district', code: 'REQUIRED', message: '请选择落户区县（市）' },
  { field: 'facts.hukou.settledOn', code: 'DATE_FORMAT', message: '落户日期格式不正确' },
  { field: 'facts.hukouExtra', code: 'X', message: '不应匹配' },
  { field: 'details.mobile', code: 'MOBILE_FORMAT', message: '手机号码格式不正确' },
]

describe('fieldErrorsFor', () => {
  it('picks a field’s errors', () => {
    expect(fieldErrorsFor(errors, 'details.mobile')).toEqual([errors[3]])
    expect(fieldErrorsFor(errors, 'details.school')).toEqual([])
  })

  it('picks a group’s errors without matching a field that only starts with the same letters', () => {
    expect(fieldErrorsFor(errors, 'facts.hukou')).toEqual([errors[0], errors[1]])
  })
})

describe('fieldErrorMessage', () => {
  it('gives the message to show under the field, or undefined', () => {
    expect(fieldErrorMessage(errors, 'facts.hukou.settledOn')).toBe('落户日期格式不正确')
    expect(fieldErrorMessage(errors, 'facts.hukou')).toBe('请选择落户区县（市）')
    expect(fieldErrorMessage(errors, 'details.major')).toBeUndefined()
  })

  it('serves the app as the applicant leaves one field of a half-filled form', () => {
    const result = validateApplicationForm({ details: { mobile: '138 0371 123' } }, { today: '2025-06-30' })
    const all = result.ok ? [] : result.errors
    expect(fieldErrorMessage(all, 'details.mobile')).toContain('手机号码格式不正确')
  })
})
