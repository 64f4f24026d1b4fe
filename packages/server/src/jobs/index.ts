/**
 * Outbound messages as jobs (design.md, "Running on more than one machine"): `enqueue` writes
 * them in the caller's transaction, with the change they announce, and a worker delivers them
 * through the providers (deliver.ts). On PostgreSQL pg-boss carries the jobs (created in the same
 * transaction), and a slow sweep picks up what a dead instance left; on SQLite an in-process poller
 * looks for due rows, and is woken right after a message is queued so the development outbox has
 * the text at once.
 */
import type { Clock } from '../clock'
import type { FieldCipher } from '../crypto/field-cipher'
import type { DatabaseKind } from '../db/create-db'
import type { Db, Executor } from '../db/schema'
import type { Channel, MessageProvider } from '../notifications/provider'
import { DEFAULT_DELIVERY, deliver, type Delivery, type DeliveryOptions } from './deliver'
import { buildRow, dueIds, insertMessages, subscribedAccounts, type QueuedMessage, type Recipient } from './outbound-store'
import { startPgBossQueue, type PgBossQueue } from './pg-boss-queue'

export interface JobOptions extends Partial<DeliveryOptions> {
  /** false: this process queues messages but never delivers them (a worker elsewhere does). */
  worker?: boolean
  /** SQLite: how often the poller looks for due rows. */
  pollMs?: number
  /** PostgreSQL: how often the sweep looks for rows a dead instance left behind. */
  sweepMs?: number
  /** PostgreSQL: seconds before pg-boss takes back a job whose worker stopped answering. */
  expireInSeconds?: number
}

export interface OutboundJobsDeps {
  db: Db
  dbKind: DatabaseKind
  cipher: FieldCipher
  clock: Clock
  providers: Partial<Record<Channel, MessageProvider>>
  warn: (message: string, error?: unknown) => void
  /** PostgreSQL: where pg-boss connects, and its schema. */
  postgres?: { url: string; schema: string }
  options?: JobOptions
}

export interface OutboundJobs {
  /** Queues the messages in the caller's transaction; answers the ids written (a repeated key writes nothing). */
  enqueue(executor: Executor, messages: readonly QueuedMessage[]): Promise<string[]>
  /** Queues a message again for delivery (the console's retry), in the caller's transaction. */
  requeue(executor: Executor, id: string): Promise<void>
  /** Delivers every due message now (the development outbox reads call it, so they see what was just queued). */
  flush(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
  /** The delivery options in force (the console explains the schedule with them). */
  readonly delivery: DeliveryOptions
}

const BATCH = 50
/** Messages of one batch sent side by side: a provider call takes tens of milliseconds. */
const PARALLEL = 8

export async function createOutboundJobs(deps: OutboundJobsDeps): Promise<OutboundJobs> {
  const { db, cipher, clock, providers, warn } = deps
  const options = deps.options ?? {}
  const delivery: DeliveryOptions = {
    maxAttempts: options.maxAttempts ?? DEFAULT_DELIVERY.maxAttempts,
    backoffMs: options.backoffMs ?? DEFAULT_DELIVERY.backoffMs,
    leaseMs: options.leaseMs ?? DEFAULT_DELIVERY.leaseMs,
  }
  const postgres = deps.dbKind === 'postgres'
  const deliveryDeps = { db, cipher, clock, providers, options: delivery, warn }
  const subscriptionChannels = providers.wechat !== undefined || providers.alipay !== undefined

  let boss: PgBossQueue | undefined
  if (postgres && deps.postgres !== undefined) {
    boss = await startPgBossQueue({
      url: deps.postgres.url,
      schema: deps.postgres.schema,
      delivery,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
      warn,
    })
  }

  async function deliverAll(ids: readonly string[], ignoreSchedule: boolean): Promise<Delivery[]> {
    const results: Delivery[] = []
    for (let i = 0; i < ids.length; i += PARALLEL) {
      const part = await Promise.all(
        ids.slice(i, i + PARALLEL).map((id) =>
          deliver(deliveryDeps, id, { ignoreSchedule }).catch((error: unknown) => {
            // The database failed under the worker: the row stays as it was, and is tried again.
            warn(`outbound message ${id} not delivered`, error)
            return 'retry' as const
          }),
        ),
      )
      results.push(...part)
    }
    return results
  }

  // ---- the poller (SQLite) and the sweep (PostgreSQL) ----
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = true

  /**
   * One pass: on SQLite every due row; on PostgreSQL only rows pg-boss should long have handled
   * (a grace of a minute past due) and rows whose worker died while sending.
   */
  async function pass(): Promise<void> {
    for (;;) {
      const now = new Date()
      const dueBy = boss === undefined ? now : new Date(now.getTime() - 60_000)
      const ids = await dueIds(db, now.toISOString(), dueBy.toISOString(), BATCH)
      if (ids.length === 0) return
      const results = await deliverAll(ids, false)
      // Everything left is waiting for its time or held by another worker: wait for the next tick.
      if (results.every((r) => r === 'skipped' || r === 'busy' || r === 'retry') || ids.length < BATCH) return
    }
  }

  function run(): Promise<void> {
    // A wake or a tick that fires after stop() must not touch a database that is closing.
    if (stopped) return Promise.resolve()
    if (running !== undefined) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await pass()
        } while (again && !stopped)
      } catch (error) {
        warn(`outbound worker pass failed: ${error instanceof Error ? error.message : String(error)}`, error)
      } finally {
        running = undefined
      }
    })()
    return running
  }

  function schedule(): void {
    if (stopped) return
    const every = boss === undefined ? (options.pollMs ?? 500) : (options.sweepMs ?? 30_000)
    timer = setTimeout(() => {
      void run().finally(schedule)
    }, every)
    timer.unref()
  }

  /** SQLite: look right after the caller's transaction (the single connection waits for its commit). */
  function wake(): void {
    if (stopped || boss !== undefined) return
    setImmediate(() => void run())
  }

  return {
    delivery,

    async enqueue(executor, messages) {
      if (messages.length === 0) return []
      const created = clock.now().toISOString()
      const due = new Date().toISOString()
      const accounts = subscriptionChannels
        ? await subscribedAccounts(
            executor,
            messages.flatMap((m) => (m.applicationId === undefined ? [] : [m.applicationId])),
          )
        : new Map<string, Recipient[]>()
      const rows = messages.flatMap((message) => {
        const to: Recipient[] = [
          { channel: 'sms', recipient: message.mobile },
          ...(message.applicationId === undefined ? [] : (accounts.get(message.applicationId) ?? [])).filter((r) => providers[r.channel] !== undefined),
        ]
        return to.map((recipient) => buildRow(cipher, message, recipient, { created, due }))
      })
      const ids = await insertMessages(executor, rows, postgres)
      if (boss !== undefined) await boss.add(executor, ids)
      else if (ids.length > 0) wake()
      return ids
    },

    async requeue(executor, id) {
      await executor
        .updateTable('outbound_messages')
        .set({ status: 'pending', attempts: 0, next_attempt_at: new Date().toISOString(), lease_until: null })
        .where('id', '=', id)
        .execute()
      if (boss !== undefined) await boss.add(executor, [id])
      else wake()
    },

    async flush() {
      const now = new Date().toISOString()
      await deliverAll(await dueIds(db, now, now, 1000), false)
      // A worker may hold some of them right now: wait (briefly) until it has settled them.
      for (let i = 0; i < 40; i++) {
        const busy = await db.selectFrom('outbound_messages').select('id').where('status', '=', 'sending').limit(1).executeTakeFirst()
        if (busy === undefined) return
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },

    async start() {
      if (options.worker === false || !stopped) return
      stopped = false
      if (boss !== undefined) {
        await boss.work(async (ids, job) => {
          const results = await deliverAll(ids, true)
          // A message that waits for another attempt (or is held by a worker whose lease has not
          // run out) keeps the job alive: pg-boss retries it after its backoff. Sent and failed
          // messages are skipped on the retry.
          const waiting = results.filter((r) => r === 'retry' || r === 'busy').length
          if (waiting > 0 && job.retryCount < delivery.maxAttempts - 1) throw new Error(`${waiting} outbound messages wait for another attempt`)
        })
      }
      // A worker starting after a crash takes over at once what the dead one left.
      void run().finally(schedule)
    },

    async stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await running
      await boss?.stop()
    },
  }
}

export type { QueuedMessage } from './outbound-store'
