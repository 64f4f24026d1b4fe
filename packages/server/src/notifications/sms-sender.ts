/** How applicants are told of a rejection, a notice and a payment (the seed: "通过短信……告知"). */
import { randomUUID } from 'node:crypto'
import type { ApplicationsTable, Db } from '../db/schema'
import { insertOutbox } from '../repositories/documents'

export interface SmsMessage {
  mobile: string
  text: string
  applicationId?: string
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>
}

/**
 * The default sender writes to the outbox table, which the review CLI shows (`outbox`); a
 * gateway integration reads from there or replaces this sender.
 */
export function createOutboxSmsSender(db: Db, now: () => Date): SmsSender {
  return {
    async send(message) {
      await insertOutbox(db, {
        id: randomUUID(),
        application_id: message.applicationId ?? null,
        mobile: message.mobile,
        text: message.text,
        created_at: now().toISOString(),
      })
    },
  }
}

/**
 * Texts the applicant at the mobile number of their form, after the change it reports is
 * committed: a failed SMS is reported through `warn` and never undoes the change.
 */
export async function textApplicant(
  deps: { sms: SmsSender; warn: (message: string, error?: unknown) => void },
  app: Pick<ApplicationsTable, 'id' | 'details_json'>,
  text: string,
): Promise<void> {
  const mobile = app.details_json === null ? undefined : (JSON.parse(app.details_json) as { mobile?: string }).mobile
  if (mobile === undefined) return
  await deps.sms.send({ mobile, text, applicationId: app.id }).catch((error: unknown) => deps.warn('sms not sent', error))
}
