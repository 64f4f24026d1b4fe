/**
 * Every status change goes through here: core's `transition` decides whether the move is legal,
 * the row is written only if its version is still the one read (so of two concurrent decisions
 * exactly one wins), and the move is recorded in the history with actor and time.
 */
import { STATUS_LABELS, transition, type ApplicationEvent, type ApplicationStatus } from '@zhihui/core'
import type { Executor } from '../db/schema'
import { conflict } from '../errors'
import { insertHistory, updateApplication, type ApplicationPatch, type ApplicationRow } from '../repositories/applications'

export const CONCURRENT_MESSAGE = '这份申请刚刚被其他操作更新，本次操作未生效，请刷新后重试。'

export async function applyEvent(
  db: Executor,
  app: ApplicationRow,
  event: ApplicationEvent,
  by: { actor: string; at: string; note?: string; patch?: ApplicationPatch },
): Promise<ApplicationRow> {
  const next = transition(app.status as ApplicationStatus, event)
  if (!next.ok) throw conflict(next.error.code, next.error.message)
  const patch: ApplicationPatch = { ...by.patch, status: next.value, updated_at: by.at }
  if (!(await updateApplication(db, app.id, app.version, patch))) throw conflict('CONCURRENT_UPDATE', CONCURRENT_MESSAGE)
  const version = app.version + 1
  await insertHistory(db, {
    application_id: app.id,
    version,
    from_status: app.status,
    to_status: next.value,
    event,
    actor: by.actor,
    note: by.note ?? null,
    at: by.at,
  })
  return { ...app, ...patch, status: next.value, version }
}

export const statusLabel = (status: string): string => STATUS_LABELS[status as ApplicationStatus] ?? status

// Statuses in which the applicant may still change the form and the photos: core decides.
export { EDITABLE_STATUSES, isEditableStatus as isEditable } from '@zhihui/core'
