/**
 * The eligibility self-check: core's questions (SELF_CHECK_FIELDS), answered without logging in
 * or binding anything, and core's full report by birth date. Nothing here is stored or sent.
 */
import { emptyValues, evaluateSelfCheck, SELF_CHECK_FIELDS, type SelfCheckValues } from '@zhihui/core'
import { useMemo, useState } from 'react'
import { today } from '@/utils/today'

export function useSelfCheck() {
  const [answers, setAnswers] = useState<SelfCheckValues>(() => emptyValues(SELF_CHECK_FIELDS))
  const day = today()
  const outcome = useMemo(() => evaluateSelfCheck(answers, { today: day }), [answers, day])
  function answer(key: string, value: string | boolean): void {
    setAnswers((a) => ({ ...a, [key]: value }))
  }
  return { answers, answer, ...outcome, today: day }
}
