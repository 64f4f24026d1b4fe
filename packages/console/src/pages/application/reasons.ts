/**
 * The rejection form's logic, free of React: what the reviewer picked (per target, catalogue codes
 * and free text) → exactly the reasons the server stores and the applicant reads. The applicant's
 * app shows each reason as "✗ {target label}：{message}" (src/pages/progress), so the preview here
 * uses the same words.
 */
import { DOCUMENT_LABELS, FORM_FIELD_LABELS, formFieldFor, formFieldsUnder, reasonTemplates, type DocumentKind, type RejectionReason } from '@zhihui/core'

/** The code of a reason written freely by the reviewer (not from the catalogue). */
export const FREE_TEXT_CODE = 'OTHER'
/** The server's limit on a reason's message (review-input.ts). */
export const MAX_MESSAGE_LENGTH = 500

/** What the reviewer picked for one target: catalogue codes and an optional note in their own words. */
export interface TargetPick {
  codes: string[]
  note: string
}

/** Target → pick, in the order the reviewer added the targets. */
export type RejectionDraft = Record<string, TargetPick>

export const isDocumentTarget = (target: string): target is DocumentKind =>
  Object.prototype.hasOwnProperty.call(DOCUMENT_LABELS, target)

/** The words the applicant knows a target by (as the applicant's app names it). */
export function targetLabel(target: string): string {
  if (isDocumentTarget(target)) return `${DOCUMENT_LABELS[target]}照片`
  // A field by its key ('facts.graduationDate'), or as scripts may name it ('graduationDate',
  // 'mobile'), or a group ('hukou': its first field), as the applicant's app reads it.
  const field = formFieldFor(target) ?? formFieldsUnder(target)[0]
  return field ? FORM_FIELD_LABELS[field] : '其他'
}

/** Adds a target with nothing picked yet (kept when it is there already). */
export function addTarget(draft: RejectionDraft, target: string): RejectionDraft {
  return draft[target] ? draft : { ...draft, [target]: { codes: [], note: '' } }
}

export function removeTarget(draft: RejectionDraft, target: string): RejectionDraft {
  const next = { ...draft }
  delete next[target]
  return next
}

/** Ticks or unticks one catalogue reason of a target. */
export function toggleCode(draft: RejectionDraft, target: string, code: string, on: boolean): RejectionDraft {
  const pick = draft[target] ?? { codes: [], note: '' }
  const codes = on ? (pick.codes.includes(code) ? pick.codes : [...pick.codes, code]) : pick.codes.filter((c) => c !== code)
  return { ...draft, [target]: { ...pick, codes } }
}

export function setNote(draft: RejectionDraft, target: string, note: string): RejectionDraft {
  const pick = draft[target] ?? { codes: [], note: '' }
  return { ...draft, [target]: { ...pick, note } }
}

/**
 * The reasons exactly as they will be sent and shown: for each target, every ticked catalogue
 * reason with its catalogue message (in the catalogue's order), then the reviewer's free text, if
 * any, as one more reason of that target. A target with nothing picked gives nothing.
 */
export function buildReasons(draft: RejectionDraft): RejectionReason[] {
  const reasons: RejectionReason[] = []
  for (const [target, pick] of Object.entries(draft)) {
    for (const template of reasonTemplates(target)) {
      if (pick.codes.includes(template.code)) reasons.push({ target, code: template.code, message: template.message })
    }
    const note = pick.note.trim()
    if (note !== '') reasons.push({ target, code: FREE_TEXT_CODE, message: note })
  }
  return reasons
}

/** The lines the applicant will read, one per reason. */
export function previewLines(reasons: readonly RejectionReason[]): string[] {
  return reasons.map((r) => `✗ ${targetLabel(r.target)}：${r.message}`)
}

/** Why the draft cannot be sent yet, in Chinese, or null when it can. */
export function rejectionProblem(draft: RejectionDraft): string | null {
  const targets = Object.keys(draft)
  if (targets.length === 0) return '请至少选择一项证件或填写项，并写明不通过的原因。'
  const picks = Object.entries(draft)
  const empty = picks.find(([, pick]) => pick.codes.length === 0 && pick.note.trim() === '')?.[0]
  if (empty !== undefined) return `「${targetLabel(empty)}」还没有选择原因或填写说明，请选择原因或移除该项。`
  const long = picks.find(([, pick]) => pick.note.trim().length > MAX_MESSAGE_LENGTH)?.[0]
  if (long !== undefined) return `「${targetLabel(long)}」的说明不能超过${MAX_MESSAGE_LENGTH}字。`
  if (buildReasons(draft).length === 0) return '请至少选择一项证件或填写项，并写明不通过的原因。'
  return null
}
