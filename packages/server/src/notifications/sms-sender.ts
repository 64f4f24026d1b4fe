/**
 * How applicants are told of a rejection, a notice and a payment (the seed: "通过短信……告知").
 * The default sender queues every message as a job (jobs/) inside the transaction of the change
 * it announces; the worker delivers it. A sender that sends at once (a test's gateway) has no
 * `enqueueMany` and is called after the commit instead.
 */
import type { ApplicationsTable, Db, Executor } from '../db/schema'
import type { OutboundJobs, QueuedMessage } from '../jobs'
import type { BuiltMessage } from './messages'

/** One text to a mobile number; kind, params, page and key come with the builders of messages.ts. */
export type SmsMessage = QueuedMessage

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

/** The sender of the jobs: every form of sending is a queue write (outside a transaction: its own). */
export function createJobSmsSender(jobs: Pick<OutboundJobs, 'enqueue'>, db: Db): SmsSender {
  const own = async (messages: readonly SmsMessage[]) => {
    await db.transaction().execute((trx) => jobs.enqueue(trx, messages))
  }
  return {
    send: (message) => own([message]),
    sendMany: own,
    async enqueueMany(executor, messages) {
      await jobs.enqueue(executor, messages)
    },
  }
}

type TextDeps = { sms: SmsSender; warn: (message: string, error?: unknown) => void }
type Texted = Pick<ApplicationsTable, 'id' | 'details_json'>
type Built = string | BuiltMessage

const mobileOf = (app: Texted): string | undefined =>
  app.details_json === null ? undefined : (JSON.parse(app.details_json) as { mobile?: string }).mobile

function messageOf(app: Texted, built: Built, key?: string): SmsMessage | undefined {
  const mobile = mobileOf(app)
  if (mobile === undefined) return undefined
  const parts = typeof built === 'string' ? { text: built } : built
  return { mobile, applicationId: app.id, ...parts, ...(key !== undefined ? { key } : {}) }
}

/**
 * Queues a message to the applicant at the mobile number of their form, in the transaction of the
 * change it announces (`key` tells this change apart from others of the same kind: a repeat of it
 * queues nothing). With a sender that cannot queue, nothing happens here and textApplicant sends
 * after the commit.
 */
export async function queueApplicantMessage(deps: Pick<TextDeps, 'sms'>, executor: Executor, app: Texted, built: BuiltMessage, key: string): Promise<void> {
  if (deps.sms.enqueueMany === undefined) return
  const message = messageOf(app, built, key)
  if (message !== undefined) await deps.sms.enqueueMany(executor, [message])
}

/**
 * After the commit: texts the applicant through a sender that sends at once. A sender that queues
 * got the message in the transaction (queueApplicantMessage). A failed SMS is reported through
 * `warn` and never undoes the change.
 */
export async function textApplicant(deps: TextDeps, app: Texted, built: Built): Promise<void> {
  if (deps.sms.enqueueMany !== undefined) return
  const message = messageOf(app, built)
  if (message === undefined) return
  await deps.sms.send(message).catch((error: unknown) => deps.warn('sms not sent', error))
}

/** The messages of texts to applicants, at the mobile numbers of their forms (none without one). */
export function messagesFor(texts: readonly { app: Texted; text: Built; key?: string }[]): SmsMessage[] {
  const messages: SmsMessage[] = []
  for (const { app, text, key } of texts) {
    const message = messageOf(app, text, key)
    if (message !== undefined) messages.push(message)
  }
  return messages
}

/** textApplicant for many applicants at once (one text each), through sendMany where the sender has it. */
export async function textApplicants(deps: TextDeps, texts: readonly { app: Texted; text: Built }[]): Promise<void> {
  const { sms } = deps
  if (sms.sendMany === undefined) {
    for (const { app, text } of texts) await textApplicant(deps, app, text)
    return
  }
  const messages = messagesFor(texts)
  if (messages.length > 0) await sms.sendMany(messages).catch((error: unknown) => deps.warn('sms not sent', error))
}
