/**
 * The arrangement of an offline service (when, where, who, the serving person's phone), checked
 * before it is sent, in the same limits the server applies (docs/talent-api.md, arrange).
 */
import type { Dayjs } from 'dayjs'

export interface ArrangeValues {
  when?: Dayjs | null
  where?: string
  who?: string
  phone?: string
}

export type ArrangeField = keyof ArrangeValues

export const ARRANGE_LIMITS = { where: 100, who: 100 } as const
/** Digits and '-' (an extension, an area code), 5 to 20 characters: 0371-12345678, 13800138000. */
export const ARRANGE_PHONE = /^[0-9-]{5,20}$/
export const WHEN_FORMAT = 'YYYY-MM-DD HH:mm'

/** The message for one field, or undefined when it is fine. `now` is the browser's time. */
export function arrangeFieldError(field: ArrangeField, values: ArrangeValues, now: Dayjs): string | undefined {
  switch (field) {
    case 'when': {
      const when = values.when
      if (!when || !when.isValid()) return '请选择服务时间'
      if (when.isBefore(now, 'minute')) return '服务时间不能早于现在'
      return undefined
    }
    case 'where':
    case 'who': {
      const name = field === 'where' ? '服务地点' : '服务人员'
      const text = (values[field] ?? '').trim()
      if (text === '') return `请填写${name}`
      if (text.length > ARRANGE_LIMITS[field]) return `${name}最多${ARRANGE_LIMITS[field]}个字`
      return undefined
    }
    case 'phone': {
      const phone = (values.phone ?? '').trim()
      if (phone === '') return undefined
      if (!ARRANGE_PHONE.test(phone)) return '联系电话只能包含数字和“-”，5 至 20 位'
      return undefined
    }
  }
}

const FIELDS: readonly ArrangeField[] = ['when', 'where', 'who', 'phone']

/** Every field's message; empty when the arrangement may be sent. */
export function arrangeErrors(values: ArrangeValues, now: Dayjs): Partial<Record<ArrangeField, string>> {
  const errors: Partial<Record<ArrangeField, string>> = {}
  for (const field of FIELDS) {
    const error = arrangeFieldError(field, values, now)
    if (error !== undefined) errors[field] = error
  }
  return errors
}

/** What POST …/arrange takes: `when` as staff read it ('2026-12-02 09:30'), trimmed texts. */
export function arrangementBody(values: ArrangeValues): { when: string; where: string; who: string; phone?: string } {
  const phone = (values.phone ?? '').trim()
  return {
    when: values.when ? values.when.format(WHEN_FORMAT) : '',
    where: (values.where ?? '').trim(),
    who: (values.who ?? '').trim(),
    ...(phone !== '' ? { phone } : {}),
  }
}
