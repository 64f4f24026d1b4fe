/**
 * PostgreSQL: the messages' jobs live in pg-boss (its own schema), so every API instance works
 * them and a job is created in the same transaction as the rows it names. One job carries a page
 * of message ids (a payment run queues 250,000 texts: one job each would be 250,000 more rows).
 * pg-boss retries a job with exponential backoff while any of its messages still waits.
 */
import Module from 'node:module'
import type { Executor } from '../db/schema'
import type { DeliveryOptions } from './deliver'

export const QUEUE = 'outbound-messages'
const IDS_PER_JOB = 500

/** The part of pg-boss this module uses (its types are ES-module only; see loadPgBoss). */
interface Job {
  id: string
  data: { ids?: string[] }
  retryCount?: number
}
interface PgBossDatabase {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
}
interface PgBossInstance {
  on(event: 'error', listener: (error: Error) => void): void
  start(): Promise<unknown>
  stop(options?: { graceful?: boolean; timeout?: number }): Promise<void>
  createQueue(name: string, options?: Record<string, unknown>): Promise<void>
  updateQueue(name: string, options?: Record<string, unknown>): Promise<void>
  getQueue(name: string): Promise<unknown>
  insert(name: string, jobs: { data: unknown }[], options?: { db?: PgBossDatabase }): Promise<unknown>
  work(name: string, options: Record<string, unknown>, handler: (jobs: Job[]) => Promise<void>): Promise<string>
}
interface PgBossModule {
  PgBoss: new (options: Record<string, unknown>) => PgBossInstance
  fromKysely(trx: unknown): PgBossDatabase
}

/**
 * pg-boss 12 ships ES modules only, which Node 20.19+ loads through require(). The require of a
 * Module of Node's own loader is used, not the one of the module system that loaded this file:
 * Jest's CommonJS runtime (whose createRequire is its own too) cannot load ES modules, and tsx
 * gets the same module either way.
 */
function loadPgBoss(): PgBossModule {
  const loader = new Module(__filename)
  loader.filename = __filename
  loader.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(__dirname)
  return loader.require('pg-boss') as PgBossModule
}

export interface PgBossQueueOptions {
  url: string
  /** pg-boss's schema: the application's schema with `_jobs` appended, or `pgboss`. */
  schema: string
  delivery: DeliveryOptions
  /** Seconds before pg-boss takes an unfinished job back (a page of messages must be sent by then). */
  expireInSeconds: number
  warn: (message: string, error?: unknown) => void
}

export interface PgBossQueue {
  /** Creates the jobs of these message ids in the caller's transaction. */
  add(executor: Executor, ids: readonly string[]): Promise<void>
  /** Works the queue: `handle` answers whether every message of the job is settled. */
  work(handle: (ids: string[], job: { retryCount: number }) => Promise<void>): Promise<void>
  stop(): Promise<void>
}

export async function startPgBossQueue(options: PgBossQueueOptions): Promise<PgBossQueue> {
  const { PgBoss, fromKysely } = loadPgBoss()
  const boss = new PgBoss({ connectionString: options.url, schema: options.schema, max: 4, application_name: 'zhihui-jobs' })
  // An error event without a listener would end the process (a dropped connection, a failed poll).
  boss.on('error', (error) => options.warn('pg-boss', error))
  await boss.start()
  const { maxAttempts, backoffMs } = options.delivery
  const queueOptions = {
    retryLimit: Math.max(0, maxAttempts - 1),
    retryDelay: Math.max(1, Math.round(backoffMs / 1000)),
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds,
  }
  try {
    if ((await boss.getQueue(QUEUE)) === null) await boss.createQueue(QUEUE, queueOptions)
    else await boss.updateQueue(QUEUE, queueOptions)
  } catch (error) {
    // Two instances starting together: the other one created it.
    if ((await boss.getQueue(QUEUE)) === null) throw error
  }
  let stopped = false
  return {
    async add(executor, ids) {
      if (ids.length === 0) return
      const jobs: { data: { ids: string[] } }[] = []
      for (let i = 0; i < ids.length; i += IDS_PER_JOB) jobs.push({ data: { ids: ids.slice(i, i + IDS_PER_JOB) } })
      // fromKysely runs pg-boss's statements on the caller's transaction: the jobs commit, or
      // roll back, with the messages and the change they announce.
      await boss.insert(QUEUE, jobs, { db: fromKysely(executor) })
    },
    async work(handle) {
      await boss.work(QUEUE, { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await handle(job.data.ids ?? [], { retryCount: job.retryCount ?? 0 })
      })
    },
    async stop() {
      if (stopped) return
      stopped = true
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
}
