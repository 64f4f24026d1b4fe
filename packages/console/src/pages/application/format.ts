/**
 * How the review workspace words an application: the form as labelled rows (core's labels), the
 * history's actors, dates and the targets a rejection can point at. No React here.
 */
import {
  DOCUMENT_LABELS,
  EVENT_LABELS,
  FORM_FIELDS,
  FORM_SECTIONS,
  fieldValueText,
  formValuesFrom,
  STATUS_LABELS,
  type ApplicationDetails,
  type DocumentKind,
  type FormField,
  type StaffApplicationDetail,
  type StaffHistoryEntry,
  type StatedFacts,
} from '@zhihui/core'
import { targetLabel } from './reasons'

export type FieldPath = FormField

export interface FieldRow {
  path: FieldPath
  label: string
  value: string
  section: string
}

/**
 * Every form field the application has an answer for, in core's form order (FORM_FIELDS), with
 * core's label and core's words for the value (choice labels, 是 / 否, dates as entered).
 */
export function formRows(facts: StatedFacts | null, details: ApplicationDetails | null): FieldRow[] {
  const values = (formValuesFrom({ facts, details }) ?? {}) as Record<string, string | boolean | undefined>
  const rows: FieldRow[] = []
  for (const field of FORM_FIELDS) {
    const value = values[field.key]
    if (value === undefined || value === '') continue
    rows.push({ path: field.key, label: field.label, value: fieldValueText(field, value), section: field.section })
  }
  return rows
}

/** The rows under core's section titles (学历信息, 户籍信息, …), empty sections left out. */
export function formSections(rows: readonly FieldRow[]): { id: string; title: string; rows: FieldRow[] }[] {
  return FORM_SECTIONS.map((section) => ({ id: section.id, title: section.title, rows: rows.filter((r) => r.section === section.id) })).filter(
    (section) => section.rows.length > 0,
  )
}

/**
 * A history actor as a person reads it: the staff member's name; else the applicant, the review
 * CLI or a script's token in words; else the raw actor id.
 */
export function actorLabel(entry: Pick<StaffHistoryEntry, 'actor' | 'actorName'>): string {
  if (entry.actorName) return entry.actorName
  const actor = entry.actor
  if (actor.startsWith('applicant:')) return '申请人'
  if (actor === 'cli') return '审核命令行'
  if (actor.startsWith('reviewer-cli:')) return `审核命令行（${actor.slice('reviewer-cli:'.length)}）`
  if (actor.startsWith('review-token:')) return `审核接口（${actor.slice('review-token:'.length)}）`
  if (actor === 'payment-sender') return '发放系统'
  return actor
}

export const eventLabel = (entry: StaffHistoryEntry): string => EVENT_LABELS[entry.event] ?? entry.event
export const statusLabel = (status: string): string => STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO instant in China Standard Time, 'YYYY-MM-DD HH:mm'; a plain date stays as it is. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const cst = new Date(date.getTime() + 8 * 60 * 60 * 1000)
  return `${cst.getUTCFullYear()}-${pad(cst.getUTCMonth() + 1)}-${pad(cst.getUTCDate())} ${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}`
}

export interface ReasonTarget {
  target: string
  label: string
  group: 'document' | 'field'
}

/**
 * What a rejection may point at for this application: its documents (required or uploaded) and
 * the form fields it has a value for.
 */
export function reasonTargets(detail: Pick<StaffApplicationDetail, 'requiredDocuments' | 'documents' | 'facts' | 'details'>): ReasonTarget[] {
  const kinds: DocumentKind[] = []
  for (const kind of [...detail.requiredDocuments.map((d) => d.kind), ...detail.documents.map((d) => d.kind)]) {
    if (!kinds.includes(kind)) kinds.push(kind)
  }
  const documents = kinds
    .filter((kind) => Object.prototype.hasOwnProperty.call(DOCUMENT_LABELS, kind))
    .map((kind): ReasonTarget => ({ target: kind, label: targetLabel(kind), group: 'document' }))
  const fields = formRows(detail.facts, detail.details).map((row): ReasonTarget => ({ target: row.path, label: row.label, group: 'field' }))
  return [...documents, ...fields]
}
