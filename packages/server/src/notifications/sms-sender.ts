/** How applicants are told of a rejection, a notice and a payment (the seed: "通过短信……告知"). */
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { ApplicationsTable, Db, Executor } from '../db/schema'
import { insertOutbox } from '../repositories/documents'
import { orderedId } from '../services/payments/ordered-id'

export interface SmsMessage {
  mobile: string
  text: string
  applicationId?: string
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>
  /** Many texts at once (a payment run texts every applicant); a sender without it gets send() each. */
  sendMany?(messages: readonly SmsMessage[]): Promise<void>
  /**
   * Queues texts inside the caller's transaction (a transactional outbox): they exist exactly when
   * the change they report commits. Only a sender that queues can offer it; one that sends at once
   * must not, and is called after the commit instead.
   */
  enqueueMany?(executor: Executor, messages: readonly SmsMessage[]): Promise<void>
}

/**
 * The default sender writes to the outbox table, which the review CLI shows (`outbox`); a
 * gateway integration reads from there or replaces this sender. Being a queue, it can also queue
 * inside the caller's transaction (enqueueMany).
 */
export function createOutboxSmsSender(db: Db, now: () => Date, options: { postgres?: boolean } = {}): SmsSender {
  const row = (message: SmsMessage, at: string, id: string = randomUUID()) => ({
    id,
    application_id: message.applicationId ?? null,
    mobile: message.mobile,
    text: message.text,
    created_at: at,
  })

  /**
   * Rows with ids that grow with time (a run's 250,000 texts are appended to the key's index);
   * on PostgreSQL one statement of four arrays, elsewhere multi-row inserts.
   */
  async function enqueue(executor: Executor, messages: readonly SmsMessage[]): Promise<void> {
    if (messages.length === 0) return
    const at = now().toISOString()
    const rows = messages.map((message) => row(message, at, orderedId()))
    if (options.postgres) {
      await sql`insert into outbox (id, application_id, mobile, text, created_at)
        select u.id, u.application_id, u.mobile, u.text, ${at}
        from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.application_id)}::text[],
                    ${rows.map((r) => r.mobile)}::text[], ${rows.map((r) => r.text)}::text[]) as u(id, application_id, mobile, text)`.execute(
        executor,
      )
      return
    }
    for (let i = 0; i < rows.length; i += 500) await executor.insertInto('outbox').values(rows.slice(i, i + 500)).execute()
  }

  return {
    async send(message) {
      await insertOutbox(db, row(message, now().toISOString()))
    },
    // One transaction for thousands of texts, not a commit each.
    async sendMany(messages) {
      await db.transaction().execute((trx) => enqueue(trx, messages))
    },
    enqueueMany: enqueue,
  }
}

/**
 * Texts the applicant at the mobile number of their form, after the change it reports is
 * committed: a failed SMS is reported through `warn` and never undoes the change.
 */
type TextDeps = { sms: SmsSender; warn: (message: string, error?: unknown) => void }
type Texted = Pick<ApplicationsTable, 'id' | 'details_json'>

const mobileOf = (app: Texted): string | undefined =>
  app.details_json === null ? undefined : (JSON.parse(app.details_json) as { mobile?: string }).mobile

export async function textApplicant(deps: TextDeps, app: Texted, text: string): Promise<void> {
  const mobile = mobileOf(app)
  if (mobile === undefined) return
  await deps.sms.send({ mobile, text, applicationId: app.id }).catch((error: unknown) => deps.warn('sms not sent', error))
}

/** The messages of texts to applicants, at the mobile numbers of their forms (none without one). */
export function messagesFor(texts: readonly { app: Texted; text: string }[]): SmsMessage[] {
  const messages: SmsMessage[] = []
  for (const { app, text } of texts) {
    const mobile = mobileOf(app)
    if (mobile !== undefined) messages.push({ mobile, text, applicationId: app.id })
  }
  return messages
}

/** textApplicant for many applicants at once (one text each), through sendMany where the sender has it. */
export async function textApplicants(deps: TextDeps, texts: readonly { app: Texted; text: string }[]): Promise<void> {
  const { sms } = deps
  if (sms.sendMany === undefined) {
    for (const { app, text } of texts) await textApplicant(deps, app, text)
    return
  }
  const messages = messagesFor(texts)
  if (messages.length > 0) await sms.sendMany(messages).catch((error: unknown) => deps.warn('sms not sent', error))
}
