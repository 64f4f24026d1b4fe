/** Checks of what reviewers send: decisions, rejection reasons, lists of application numbers. */
import { DOCUMENT_LABELS, FORM_FIELD_LABELS } from '@zhihui/core'
import { invalid } from '../errors'
import type { RejectionReason } from './application-view'

/** A reason points at what the applicant must fix: a document, or a form field (with or without its facts./details. prefix). */
const TARGETS: ReadonlySet<string> = new Set([
  ...Object.keys(DOCUMENT_LABELS),
  ...Object.keys(FORM_FIELD_LABELS),
  ...Object.keys(FORM_FIELD_LABELS).map((field) => field.replace(/^(facts|details)\./, '')),
])

export const isReasonTarget = (target: unknown): target is string => typeof target === 'string' && TARGETS.has(target)

export interface Decision {
  decision: 'approve' | 'reject'
  reasons: RejectionReason[]
}

const shortText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max

export function readDecision(body: Record<string, unknown>): Decision {
  const decision = body.decision
  if (decision !== 'approve' && decision !== 'reject') throw invalid('decision', '审核结论应为 approve（通过）或 reject（不通过）。')
  const raw = body.reasons ?? []
  if (!Array.isArray(raw)) throw invalid('reasons', '不通过的原因应为列表。')
  const reasons = raw.map((item: unknown, i): RejectionReason => {
    const reason = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>
    if (!isReasonTarget(reason.target)) {
      throw invalid(`reasons.${i}.target`, '原因须指向一项证件（如 id-card）或一个填写项（如 facts.graduationDate），申请人才知道要改什么。')
    }
    if (!shortText(reason.code, 64)) throw invalid(`reasons.${i}.code`, '请填写原因代码（不超过64个字符）。')
    if (!shortText(reason.message, 500)) throw invalid(`reasons.${i}.message`, '请用中文写明原因和修改方法（不超过500字）。')
    return { target: reason.target, code: reason.code.trim(), message: reason.message.trim() }
  })
  if (decision === 'reject' && reasons.length === 0) {
    throw invalid('reasons', '审核不通过时至少写明一条原因，并指明要修改的证件或填写项。')
  }
  return { decision, reasons }
}

/** ZZ + YYYYMMDD + a 5-digit sequence (submit-service.ts, newApplicationNo). */
export const APPLICATION_NO = /^ZZ\d{13}$/

export function readApplicationNos(body: Record<string, unknown>): string[] {
  const list = body.applicationNos
  if (!Array.isArray(list) || list.length === 0 || list.length > 500) {
    throw invalid('applicationNos', '请提供 1 至 500 个申请编号。')
  }
  if (!list.every((no): no is string => typeof no === 'string' && APPLICATION_NO.test(no))) {
    throw invalid('applicationNos', '申请编号格式不正确，应如 ZZ2026112800001。')
  }
  return [...new Set(list)]
}

export function readNote(body: Record<string, unknown>): string {
  if (!shortText(body.note, 500)) throw invalid('note', '请写明异议内容（不超过500字）。')
  return body.note.trim()
}
