/**
 * The development provider: "sends" a message by writing it to the `outbox` table, which
 * GET /dev/outbox and the review CLI's `outbox` read (and which a gateway integration of old read
 * too). It keeps the time the message was queued, so the outbox stays in the order of the changes
 * it reports, and it is idempotent by message id: the outbox row has the message's id, and a
 * second delivery of the same id writes nothing.
 */
import { sql } from 'kysely'
import type { Db } from '../db/schema'
import type { Channel, MessageProvider } from '../notifications/provider'

export function createDevOutboxProvider(db: Db, channel: Channel = 'sms'): MessageProvider {
  return {
    channel,
    name: 'dev-outbox',
    idempotent: true,
    async send(message) {
      const result = await sql`insert into outbox (id, application_id, mobile, text, created_at)
        select id, application_id, ${message.recipient}, text, created_at from outbound_messages where id = ${message.id}
        on conflict (id) do nothing`.execute(db)
      const written = Number(result.numAffectedRows ?? 0n) === 1
      return { providerMessageId: message.id, ...(written ? {} : { duplicate: true }) }
    },
  }
}
