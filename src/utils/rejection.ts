/**
 * Reading a reviewer's rejection: each reason targets a document kind or a form field (design.md,
 * "a decision"). A resubmission opens exactly those for change and nothing else.
 */
import { DOCUMENT_LABELS, FORM_FIELD_LABELS, formFieldsUnder, type DocumentKind, type FormField } from '@zhihui/core'
import type { RejectionReason } from '@/services/types'

export function isDocumentKind(target: string): target is DocumentKind {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_LABELS, target)
}

/** The form fields a target names: a field ('graduationDate', 'facts.graduationDate') or a group ('hukou'). */
export const formKeysForTarget = (target: string): FormField[] => formFieldsUnder(target)

export function rejectedFormKeys(reasons: readonly RejectionReason[]): Set<FormField> {
  return new Set(reasons.flatMap((r) => formFieldsUnder(r.target)))
}

export function rejectedDocuments(reasons: readonly RejectionReason[]): Map<DocumentKind, string> {
  const documents = new Map<DocumentKind, string>()
  for (const reason of reasons) {
    if (isDocumentKind(reason.target)) documents.set(reason.target, reason.message)
  }
  return documents
}

/** The words the applicant knows the target by. */
export function targetLabel(target: string): string {
  if (isDocumentKind(target)) return `${DOCUMENT_LABELS[target]}照片`
  const key = formFieldsUnder(target)[0]
  if (key) return FORM_FIELD_LABELS[key]
  return '其他'
}
