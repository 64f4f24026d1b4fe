/** The audit log: rows are only ever inserted (the database refuses UPDATE and DELETE). */
import { randomUUID } from 'node:crypto'
import type { AuditLogTable, Executor } from '../db/schema'

export interface AuditInput {
  actor: string
  actorName?: string | null
  actorBureau?: string | null
  action: string
  target?: string | null
  detail?: Record<string, unknown> | null
  ip?: string | null
}

export async function insertAudit(db: Executor, at: string, entry: AuditInput): Promise<void> {
  const row: AuditLogTable = {
    id: randomUUID(),
    at,
    actor: entry.actor,
    actor_name: entry.actorName ?? null,
    actor_bureau: entry.actorBureau ?? null,
    action: entry.action,
    target: entry.target ?? null,
    detail_json: entry.detail === undefined || entry.detail === null ? null : JSON.stringify(entry.detail),
    ip: entry.ip ?? null,
  }
  await db.insertInto('audit_log').values(row).execute()
}

export interface AuditFilter {
  actor?: string
  action?: string
  /** Inclusive ISO instants. */
  fromAt?: string
  toAt?: string
  /** Only rows of actors of this bureau (null: only rows with no bureau, i.e. scripts). */
  bureaus?: (string | null)[]
  actions?: readonly string[]
}

export async function listAudit(db: Executor, filter: AuditFilter, page: number, pageSize: number) {
  let query = db.selectFrom('audit_log')
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor)
  if (filter.action !== undefined) query = query.where('action', '=', filter.action)
  if (filter.fromAt !== undefined) query = query.where('at', '>=', filter.fromAt)
  if (filter.toAt !== undefined) query = query.where('at', '<=', filter.toAt)
  if (filter.actions !== undefined) query = query.where('action', 'in', [...filter.actions])
  if (filter.bureaus !== undefined) {
    const named = filter.bureaus.filter((b): b is string => b !== null)
    const withNull = filter.bureaus.includes(null)
    query = query.where((eb) =>
      eb.or([...(named.length > 0 ? [eb('actor_bureau', 'in', named)] : []), ...(withNull ? [eb('actor_bureau', 'is', null)] : [])]),
    )
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
