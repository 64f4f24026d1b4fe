/**
 * Whether an application may be filed online, and if not, every reason at once: the form's
 * errors, the unmet eligibility rules (core), the window-only groups (core), and the photos
 * core requires that are still missing, each with its Chinese label.
 */
import {
  documentsStillMissing,
  WINDOW_CHANNEL_RULE,
  type ApplicationDetails,
  type Channel,
  type EligibilityReport,
  type FieldError,
  type StatedFacts,
} from '@zhihui/core'
import type { PhotosTable } from '../db/schema'
import { AppError } from '../errors'
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
  /**
   * Who files it. Online the window-only groups are refused (seed 四(一) 5); at a window they are
   * exactly who is filed, and every original core lists must be photographed (or, for the
   * student-record report, replaced by a 学信网 code in `details`).
   */
  channel?: Channel
  details?: Pick<ApplicationDetails, 'chsiVerificationCode'> | null
}): Readiness | undefined {
  const { facts, formErrors, eligibility, photos, channel = 'online', details = null } = input
  if (formErrors !== null && formErrors.length > 0) {
    return { code: 'FORM_INVALID', problems: formErrors.map((e) => ({ code: e.code, message: e.message, field: e.field })) }
  }
  if (facts === null || eligibility === null) {
    return { code: 'FORM_INCOMPLETE', problems: [{ code: 'FORM_INCOMPLETE', message: '请先把申请信息填写完整并保存。' }] }
  }
  const problems: SubmitProblem[] = []
  const windowOnly = channel === 'online' && eligibility.channel === 'window'
  if (windowOnly) {
    problems.push({ code: 'WINDOW_ONLY', message: WINDOW_CHANNEL_RULE.message })
  }
  for (const rule of eligibility.unmet) {
    problems.push({ code: rule.code, message: rule.message, ...(rule.field !== undefined ? { field: rule.field } : {}) })
  }
  const missing = documentsStillMissing(photoRequirements(facts, channel, details), photos.map((photo) => photo.kind))
  for (const doc of missing) {
    problems.push({ code: 'DOCUMENT_MISSING', message: `请上传${doc.label}照片。`, document: doc.kind })
  }
  if (problems.length === 0) return undefined
  const code = windowOnly ? 'WINDOW_ONLY' : eligibility.unmet.length > 0 ? 'NOT_ELIGIBLE' : 'DOCUMENTS_MISSING'
  return { code, problems }
}

/** 422 with the readiness code, every problem listed in the message and in `errors`. */
export function notReadyError(blocked: Readiness): AppError {
  const listed = blocked.problems.map((p) => p.message).join('')
  return new AppError(422, blocked.code, `还不能提交，请先处理以下问题：${listed}`, blocked.problems[0]?.field, { errors: blocked.problems })
}
