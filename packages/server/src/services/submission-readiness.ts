/**
 * Whether an application may be filed online, and if not, every reason at once: the form's
 * errors, the unmet eligibility rules (core), the window-only groups (core), and the photos
 * core requires that are still missing, each with its Chinese label.
 */
import { WINDOW_CHANNEL_RULE, type EligibilityReport, type FieldError, type StatedFacts } from '@zhihui/core'
import type { PhotosTable } from '../db/schema'
import { photoRequirements } from './application-view'

export interface SubmitProblem {
  code: string
  message: string
  /** The fact or form field to fix, as a dot path. */
  field?: string
  /** The missing document's kind. */
  document?: string
}

export interface Readiness {
  code: 'FORM_INCOMPLETE' | 'FORM_INVALID' | 'WINDOW_ONLY' | 'NOT_ELIGIBLE' | 'DOCUMENTS_MISSING'
  problems: SubmitProblem[]
}

export function submissionProblems(input: {
  facts: StatedFacts | null
  formErrors: FieldError[] | null
  eligibility: EligibilityReport | null
  photos: readonly Pick<PhotosTable, 'kind'>[]
}): Readiness | undefined {
  const { facts, formErrors, eligibility, photos } = input
  if (formErrors !== null && formErrors.length > 0) {
    return { code: 'FORM_INVALID', problems: formErrors.map((e) => ({ code: e.code, message: e.message, field: e.field })) }
  }
  if (facts === null || eligibility === null) {
    return { code: 'FORM_INCOMPLETE', problems: [{ code: 'FORM_INCOMPLETE', message: '请先把申请信息填写完整并保存。' }] }
  }
  const problems: SubmitProblem[] = []
  if (eligibility.channel === 'window') {
    problems.push({ code: 'WINDOW_ONLY', message: WINDOW_CHANNEL_RULE.message })
  }
  for (const rule of eligibility.unmet) {
    problems.push({ code: rule.code, message: rule.message, ...(rule.field !== undefined ? { field: rule.field } : {}) })
  }
  const uploaded = new Set(photos.map((photo) => photo.kind))
  for (const doc of photoRequirements(facts)) {
    if (!uploaded.has(doc.kind)) {
      problems.push({ code: 'DOCUMENT_MISSING', message: `请上传${doc.label}照片。`, document: doc.kind })
    }
  }
  if (problems.length === 0) return undefined
  const code = eligibility.channel === 'window' ? 'WINDOW_ONLY' : eligibility.unmet.length > 0 ? 'NOT_ELIGIBLE' : 'DOCUMENTS_MISSING'
  return { code, problems }
}
