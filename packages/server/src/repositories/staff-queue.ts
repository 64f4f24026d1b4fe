/**
 * The staff queue and the 工作台's lists, by index on the columns 0002-staff copied out of the
 * JSON: (status, submitted_at), (district, status, submitted_at), (submitted_at) and
 * (applicant_name, submitted_at). One builder makes the page and its count, so the total always
 * counts what the filter shows. Rows are ordered by submission, oldest first: the queue is worked
 * first come, first served.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import type { Database, Db, Executor } from '../db/schema'

export interface QueueFilterRow {
  statuses?: readonly string[]
  district?: string
  education?: string
  channel?: string
  fromAt?: string
  beforeAt?: string
  applicationNo?: string
  namePrefix?: string
}

/** Only the district scope narrows: everything else is 'all'. */
export type ScopeRow = { kind: 'all' } | { kind: 'district'; district: string }

export const QUEUE_COLUMNS = ['application_no', 'status', 'applicant_name', 'district', 'education', 'channel', 'submitted_at'] as const

export interface QueueRow {
  application_no: string | null
  status: string
  applicant_name: string | null
  district: string | null
  education: string | null
  channel: string
  submitted_at: string | null
}

type Apps = SelectQueryBuilder<Database, 'applications', object>

const inDistrict = (district: string) => (eb: ExpressionBuilder<Database, 'applications'>) =>
  eb.or([eb('applications.district', '=', district), eb('applications.window_district', '=', district)])

export function scoped(query: Apps, scope: ScopeRow): Apps {
  return scope.kind === 'district' ? query.where(inDistrict(scope.district)) : query
}

/** The first string after every string that starts with `prefix`, in code point order (undefined: none). */
export function prefixSuccessor(prefix: string): string | undefined {
  const chars = [...prefix]
  const last = chars.pop()
  if (last === undefined) return undefined
  let next = (last.codePointAt(0) ?? 0) + 1
  if (next >= 0xd800 && next <= 0xdfff) next = 0xe000
  if (next > 0x10ffff) return undefined
  return chars.join('') + String.fromCodePoint(next)
}

const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * How names compare in this database. In code point order (SQLite's BINARY, PostgreSQL with a C
 * or C.UTF-8 collation) "begins with X" is the range [X, successor(X)), which the
 * (applicant_name, submitted_at) index answers; under a linguistic collation (en_US, zh_CN, ICU)
 * that range is wrong, and LIKE is used instead (a scan, but a right one).
 */
const codePointOrder = new WeakMap<Db, Promise<boolean>>()

export function namesInCodePointOrder(db: Db, kind: 'sqlite' | 'postgres'): Promise<boolean> {
  if (kind === 'sqlite') return Promise.resolve(true)
  let known = codePointOrder.get(db)
  if (known === undefined) {
    known = sql<{ collate: string; provider: string }>`select datcollate as "collate", datlocprovider::text as provider
      from pg_database where datname = current_database()`
      .execute(db)
      .then(({ rows }) => {
        const row = rows[0]
        return row !== undefined && row.provider === 'c' && /^(C|POSIX|C\.UTF-?8)$/i.test(row.collate)
      })
      .catch(() => false)
    codePointOrder.set(db, known)
  }
  return known
}

export function filtered(db: Executor, scope: ScopeRow, filter: QueueFilterRow, nameRange: boolean): Apps {
  let query: Apps = db.selectFrom('applications')
  // Submitted at least once: what the queue lists. (Not `application_no is not null`, which means
  // the same but only the table can answer; submitted_at is in every index a filter uses, so the
  // total is counted from the index alone.) A number looked up exactly is found whatever it is.
  if (filter.applicationNo !== undefined) query = query.where('applications.application_no', '=', filter.applicationNo)
  else query = query.where('applications.submitted_at', 'is not', null)
  if (filter.statuses !== undefined) {
    query =
      filter.statuses.length === 1
        ? query.where('applications.status', '=', filter.statuses[0] as string)
        : query.where('applications.status', 'in', [...filter.statuses])
  }
  if (filter.district !== undefined) query = query.where('applications.district', '=', filter.district)
  if (filter.education !== undefined) query = query.where('applications.education', '=', filter.education)
  if (filter.channel !== undefined) query = query.where('applications.channel', '=', filter.channel)
  if (filter.fromAt !== undefined) query = query.where('applications.submitted_at', '>=', filter.fromAt)
  if (filter.beforeAt !== undefined) query = query.where('applications.submitted_at', '<', filter.beforeAt)
  if (filter.namePrefix !== undefined) {
    const upper = nameRange ? prefixSuccessor(filter.namePrefix) : undefined
    if (nameRange) {
      query = query.where('applications.applicant_name', '>=', filter.namePrefix)
      if (upper !== undefined) query = query.where('applications.applicant_name', '<', upper)
    } else {
      query = query.where(sql<boolean>`applications.applicant_name like ${`${likeEscaped(filter.namePrefix)}%`} escape '\\'`)
    }
  }
  return scoped(query, scope)
}

export async function listQueuePage(
  db: Executor,
  scope: ScopeRow,
  filter: QueueFilterRow,
  page: number,
  pageSize: number,
  nameRange: boolean,
): Promise<{ rows: QueueRow[]; total: number }> {
  const base = filtered(db, scope, filter, nameRange)
  const [rows, count] = await Promise.all([
    base
      .select(QUEUE_COLUMNS.map((c) => `applications.${c}` as const))
      .orderBy('applications.submitted_at')
      .orderBy('applications.application_no')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function countByStatus(db: Executor, scope: ScopeRow): Promise<Record<string, number>> {
  const rows = await scoped(db.selectFrom('applications').where('applications.submitted_at', 'is not', null), scope)
    .select(['applications.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('applications.status')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]))
}

/** Waiting (`statuses`) and submitted before `beforeAt`: oldest first. */
export async function listWaitingSince(db: Executor, scope: ScopeRow, statuses: readonly string[], beforeAt: string, limit: number): Promise<QueueRow[]> {
  return scoped(db.selectFrom('applications'), scope)
    .where('applications.status', 'in', [...statuses])
    .where('applications.submitted_at', '<', beforeAt)
    .select(QUEUE_COLUMNS.map((c) => `applications.${c}` as const))
    .orderBy('applications.submitted_at')
    .orderBy('applications.application_no')
    .limit(limit)
    .execute()
}

/** The moves a reviewer makes: the last of them on an application says whose it is. */
const REVIEW_EVENTS = ['start-review', 'approve', 'reject', 'object']

/**
 * Applications waiting for review (`statuses`) whose last review move was `actor`'s, e.g.
 * resubmitted after this reviewer's rejection, or reopened by this reviewer's objection.
 */
export async function listLastMovedBy(db: Executor, scope: ScopeRow, actor: string, statuses: readonly string[], limit: number): Promise<QueueRow[]> {
  return scoped(db.selectFrom('applications'), scope)
    .where('applications.status', 'in', [...statuses])
    .where('applications.id', 'in', (eb) =>
      eb.selectFrom('application_history').select('application_history.application_id').where('application_history.actor', '=', actor).where('application_history.event', 'in', ['reject', 'object']),
    )
    .where(
      (eb) =>
        sql<boolean>`${eb
          .selectFrom('application_history as h')
          .select('h.actor')
          .whereRef('h.application_id', '=', 'applications.id')
          .where('h.event', 'in', REVIEW_EVENTS)
          .orderBy('h.version', 'desc')
          .limit(1)} = ${actor}`,
    )
    .select(QUEUE_COLUMNS.map((c) => `applications.${c}` as const))
    .orderBy('applications.submitted_at')
    .orderBy('applications.application_no')
    .limit(limit)
    .execute()
}

/** Window applications this clerk filed that wait for the clerk (not yet submitted, or rejected). */
export async function listFiledBy(db: Executor, scope: ScopeRow, filedBy: string, statuses: readonly string[], limit: number): Promise<QueueRow[]> {
  return scoped(db.selectFrom('applications'), scope)
    .where('applications.filed_by', '=', filedBy)
    .where('applications.status', 'in', [...statuses])
    .where('applications.application_no', 'is not', null)
    .select(QUEUE_COLUMNS.map((c) => `applications.${c}` as const))
    .orderBy('applications.submitted_at')
    .orderBy('applications.application_no')
    .limit(limit)
    .execute()
}

/** Applications still on notice in batches `createdBy` made whose notice ended before `today` (ready to pay). */
export async function listNoticeEndedOf(db: Executor, scope: ScopeRow, createdBy: string, today: string, limit: number): Promise<QueueRow[]> {
  return scoped(db.selectFrom('applications'), scope)
    .where('applications.status', '=', 'public-notice')
    .where('applications.notice_batch_id', 'in', (eb) =>
      eb.selectFrom('notice_batches').select('notice_batches.id').where('notice_batches.created_by', '=', createdBy).where('notice_batches.end_date', '<', today),
    )
    .select(QUEUE_COLUMNS.map((c) => `applications.${c}` as const))
    .orderBy('applications.submitted_at')
    .orderBy('applications.application_no')
    .limit(limit)
    .execute()
}

/** Notice batches whose notice ended before `today` and that still hold applications on notice (to pay). */
export async function countEndedNotices(db: Executor, scope: ScopeRow, today: string): Promise<number> {
  const row = await scoped(db.selectFrom('applications'), scope)
    .innerJoin('notice_batches', 'notice_batches.id', 'applications.notice_batch_id')
    .where('applications.status', '=', 'public-notice')
    .where('notice_batches.end_date', '<', today)
    .select((eb) => eb.fn.count<number | string>('applications.notice_batch_id').distinct().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
