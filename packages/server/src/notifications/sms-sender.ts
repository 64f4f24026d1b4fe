/** How applicants are told of a rejection, a notice and a payment (the seed: "通过短信……告知"). */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/schema'
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
