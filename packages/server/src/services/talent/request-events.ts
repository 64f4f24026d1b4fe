/**
 * Every status change of a talent request goes through here, as applications go through
 * application-events.ts: core's `talentTransition` decides whether the move is legal (409 with
 * core's message when not), the row is written only if its version is still the one read (of two
 * concurrent moves exactly one wins), and the move enters the history with actor and time.
 */
import { talentTransition, type TalentAuditAction, type TalentRequestEvent, type TalentRequestStatus } from '@zhihui/core'
import type { Executor } from '../../db/schema'
import type { TalentExecutor, TalentRequestsTable } from '../../db/talent-schema'
import { conflict } from '../../errors'
import { insertAudit, type AuditInput } from '../../repositories/audit'
import { insertTalentHistory, updateTalentRequest } from '../../repositories/talent'

export const CONCURRENT_TALENT_MESSAGE = '这条服务请求刚刚被其他操作更新，本次操作未生效，请刷新后重试。'

type RequestPatch = Partial<Omit<TalentRequestsTable, 'id' | 'talent_id' | 'version' | 'status'>>

export async function applyTalentEvent(
  db: TalentExecutor,
  row: TalentRequestsTable,
  event: TalentRequestEvent,
  by: { actor: string; actorName: string | null; at: string; patch?: RequestPatch },
): Promise<TalentRequestsTable> {
  const next = talentTransition(row.status as TalentRequestStatus, event)
  if (!next.ok) throw conflict(next.error.code, next.error.message)
  const patch = { ...by.patch, status: next.value }
  if (!(await updateTalentRequest(db, row.id, row.version, patch))) throw conflict('CONCURRENT_UPDATE', CONCURRENT_TALENT_MESSAGE)
  const version = row.version + 1
  await insertTalentHistory(db, {
    request_id: row.id,
    version,
    from_status: row.status,
    to_status: next.value,
    event,
    actor: by.actor,
    actor_name: by.actorName,
    at: by.at,
  })
  return { ...row, ...patch, version }
}

/** Applicant and staff texts: a plain string of at most `max` characters, trimmed; '' counts as absent. */
export function optionalText(value: unknown, max: number): string | null | 'invalid' {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return 'invalid'
  const text = value.trim()
  if (text === '') return null
  return [...text].length > max ? 'invalid' : text
}

/**
 * An audit row written on the talent tables' connection or transaction (so it commits with the
 * change it records); the audit repository types its executor by the shared schema only.
 */
export async function talentAudit(db: TalentExecutor, at: string, entry: AuditInput & { action: TalentAuditAction }): Promise<void> {
  await insertAudit(db as unknown as Executor, at, entry)
}
