/**
 * The rows of outbound_messages: writing them in the caller's transaction, and the reads and
 * conditional updates the worker and the console need. Every state change of the worker is a
 * compare-and-set on (status, lease), so two workers can never both own one row.
 */
import { sql } from 'kysely'
import type { FieldCipher } from '../crypto/field-cipher'
import type { Executor, OutboundMessagesTable } from '../db/schema'
import type { Channel, MessageKind } from '../notifications/provider'
import { orderedId } from '../services/payments/ordered-id'
import type { OutboundMessageStatus } from '@zhihui/core'

export type OutboundStatus = OutboundMessageStatus
export const OUTBOUND_STATUSES: readonly OutboundStatus[] = ['pending', 'sending', 'sent', 'failed']

/** One message to queue: the SMS to `mobile`, plus subscription messages where the applicant accepted them. */
export interface QueuedMessage {
  mobile: string
  text: string
  applicationId?: string
  kind?: MessageKind
  params?: Record<string, string>
  page?: string
  /**
   * What tells this message apart from the other messages of its kind for the same application
   * (the version the change produced, the notice batch, the run's month). A repeat of the same
   * change gives the same key and queues nothing. Without one the message is always queued.
   */
  key?: string
}

/** '13803711234' → '138****1234'; an openid or Alipay user id keeps its first and last four characters. */
export function maskRecipient(channel: Channel, recipient: string): string {
  if (channel === 'sms') return recipient.length >= 7 ? `${recipient.slice(0, 3)}****${recipient.slice(-4)}` : '****'
  return recipient.length > 8 ? `${recipient.slice(0, 4)}****${recipient.slice(-4)}` : '****'
}

export interface Recipient {
  channel: Channel
  recipient: string
}

export function buildRow(
  cipher: FieldCipher,
  message: QueuedMessage,
  to: Recipient,
  at: { created: string; due: string },
): OutboundMessagesTable {
  if (message.kind === undefined) throw new Error('an outbound message needs its kind (notifications/messages.ts builds it with the text)')
  const id = orderedId()
  return {
    id,
    channel: to.channel,
    recipient_cipher: cipher.encrypt(to.recipient),
    recipient_masked: maskRecipient(to.channel, to.recipient),
    kind: message.kind,
    params_json: JSON.stringify(message.params ?? {}),
    text: message.text,
    page: message.page ?? null,
    application_id: message.applicationId ?? null,
    idempotency_key: `${message.applicationId ?? '-'}:${message.kind}:${message.key ?? id}:${to.channel}`,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at.due,
    lease_until: null,
    last_error: null,
    provider: null,
    provider_message_id: null,
    created_at: at.created,
    sent_at: null,
  }
}

const COLUMNS = [
  'id',
  'channel',
  'recipient_cipher',
  'recipient_masked',
  'kind',
  'params_json',
  'text',
  'page',
  'application_id',
  'idempotency_key',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_until',
  'last_error',
  'provider',
  'provider_message_id',
  'created_at',
  'sent_at',
] as const satisfies readonly (keyof OutboundMessagesTable)[]

/**
 * Inserts the rows (a repeated idempotency key is skipped) and answers the ids written. On
 * PostgreSQL one statement of arrays per page (a payment run writes 250,000), elsewhere multi-row
 * inserts small enough for SQLite's limit on parameters.
 */
export async function insertMessages(executor: Executor, rows: readonly OutboundMessagesTable[], postgres: boolean): Promise<string[]> {
  if (rows.length === 0) return []
  const ids: string[] = []
  if (postgres) {
    for (let i = 0; i < rows.length; i += 5000) {
      const page = rows.slice(i, i + 5000)
      const arrays = COLUMNS.map((column) => sql`${page.map((row) => row[column])}::${sql.raw(column === 'attempts' ? 'integer[]' : 'text[]')}`)
      const result = await sql<{ id: string }>`insert into outbound_messages (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
        select * from unnest(${sql.join(arrays)})
        on conflict (idempotency_key) do nothing returning id`.execute(executor)
      for (const row of result.rows) ids.push(row.id)
    }
    return ids
  }
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await executor
      .insertInto('outbound_messages')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .execute()
    for (const row of inserted) ids.push(row.id)
  }
  return ids
}

/**
 * The accounts that accepted subscription messages, for the applications given: one WeChat or
 * Alipay message each beside the SMS. An account of the H5 page has nothing to subscribe to.
 */
export async function subscribedAccounts(
  executor: Executor,
  applicationIds: readonly string[],
): Promise<Map<string, Recipient[]>> {
  const found = new Map<string, Recipient[]>()
  for (let i = 0; i < applicationIds.length; i += 500) {
    const rows = await executor
      .selectFrom('applications as a')
      .innerJoin('accounts as c', 'c.person_id', 'a.person_id')
      .innerJoin('message_subscriptions as s', 's.account_id', 'c.id')
      .where('a.id', 'in', applicationIds.slice(i, i + 500))
      .where('s.accepted', '=', 1)
      .select(['a.id as application_id', 'c.platform', 'c.platform_user_id'])
      .distinct()
      .execute()
    for (const row of rows) {
      const channel: Channel | undefined = row.platform === 'weapp' ? 'wechat' : row.platform === 'alipay' ? 'alipay' : undefined
      if (channel === undefined) continue
      const list = found.get(row.application_id) ?? []
      list.push({ channel, recipient: row.platform_user_id })
      found.set(row.application_id, list)
    }
  }
  return found
}

export const findMessage = (executor: Executor, id: string) =>
  executor.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirst()

/**
 * Ids the poller should look at now: pending rows due by `dueBy`, and rows left 'sending' by a
 * worker whose lease has run out (it died between send and acknowledge).
 */
export async function dueIds(executor: Executor, now: string, dueBy: string, limit: number): Promise<string[]> {
  const [pending, stale] = await Promise.all([
    executor
      .selectFrom('outbound_messages')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', dueBy)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute(),
    executor.selectFrom('outbound_messages').select('id').where('status', '=', 'sending').where('lease_until', '<', now).limit(limit).execute(),
  ])
  return [...stale, ...pending].map((row) => row.id)
}

/** Takes a pending row: 'sending', one more attempt, leased to this worker. False when another worker was first. */
export async function claimPending(executor: Executor, row: OutboundMessagesTable, leaseUntil: string): Promise<boolean> {
  const result = await executor
    .updateTable('outbound_messages')
    .set({ status: 'sending', attempts: row.attempts + 1, lease_until: leaseUntil })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Takes over a row whose worker died while sending (its lease ran out). */
export async function claimStale(executor: Executor, row: OutboundMessagesTable, leaseUntil: string): Promise<boolean> {
  const result = await executor
    .updateTable('outbound_messages')
    .set({ attempts: row.attempts + 1, lease_until: leaseUntil })
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('lease_until', '=', row.lease_until)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Settles a row this worker holds (status 'sending' with its lease): false when it no longer holds it. */
export async function settle(executor: Executor, id: string, lease: string | null, patch: Partial<OutboundMessagesTable>): Promise<boolean> {
  let query = executor.updateTable('outbound_messages').set(patch).where('id', '=', id).where('status', '=', 'sending')
  query = lease === null ? query.where('lease_until', 'is', null) : query.where('lease_until', '=', lease)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
