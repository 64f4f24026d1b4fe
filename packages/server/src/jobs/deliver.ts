/**
 * Delivering one queued message, the same on both databases (pg-boss or the poller only decide
 * when). The row is marked 'sending' with one more attempt and committed before the provider is
 * called, and 'sent' after; so a row still 'sending' once its lease has run out belongs to a
 * worker that died in between, and nobody knows whether the message went out. Such a row is sent
 * again only through a provider that recognises the message id (`idempotent`); otherwise it fails
 * for a person to check: a message is never delivered twice.
 */
import type { Clock } from '../clock'
import type { FieldCipher } from '../crypto/field-cipher'
import type { Db, OutboundMessagesTable } from '../db/schema'
import { ProviderError, type Channel, type MessageKind, type MessageProvider, type OutboundMessage } from '../notifications/provider'
import { claimPending, claimStale, findMessage, settle } from './outbound-store'

export const UNKNOWN_RESULT = '发送结果未知，请核实后手动重试'

export interface DeliveryOptions {
  /** Attempts before a message fails for good (8: about 30 minutes with the default backoff). */
  maxAttempts: number
  /** The wait after the first failed attempt; it doubles after each further one. */
  backoffMs: number
  /** How long a worker owns a row it is sending; longer than any provider call may take. */
  leaseMs: number
}

export const DEFAULT_DELIVERY: DeliveryOptions = { maxAttempts: 8, backoffMs: 15_000, leaseMs: 120_000 }

/** The wait after `attempts` failed attempts: backoff, 2×backoff, 4×backoff… (15 s … 16 min by default). */
export const backoffAfter = (attempts: number, backoffMs: number): number => backoffMs * 2 ** Math.max(0, attempts - 1)

export type Delivery = 'sent' | 'retry' | 'failed' | 'skipped' | 'busy'

const CHANNEL_LABELS: Record<Channel, string> = { sms: '短信', wechat: '微信订阅消息', alipay: '支付宝模板消息' }

export interface DeliveryDeps {
  db: Db
  cipher: FieldCipher
  clock: Clock
  providers: Partial<Record<Channel, MessageProvider>>
  options: DeliveryOptions
  warn: (message: string, error?: unknown) => void
}

/**
 * `ignoreSchedule`: deliver a pending row even before its next_attempt_at (pg-boss decides the
 * time of its retries itself).
 */
export async function deliver(deps: DeliveryDeps, id: string, options: { ignoreSchedule?: boolean } = {}): Promise<Delivery> {
  const { db, options: limits } = deps
  const row = await findMessage(db, id)
  if (row === undefined || row.status === 'sent' || row.status === 'failed') return 'skipped'
  // Leases and backoff are real time: the development clock may be moved by days.
  const now = Date.now()
  const provider = deps.providers[row.channel as Channel]
  const lease = new Date(now + limits.leaseMs).toISOString()

  if (row.status === 'sending') {
    if (row.lease_until !== null && Date.parse(row.lease_until) > now) return 'busy'
    if (provider === undefined || !provider.idempotent) {
      await settle(db, row.id, row.lease_until, { status: 'failed', lease_until: null, last_error: UNKNOWN_RESULT })
      return 'failed'
    }
    if (!(await claimStale(db, row, lease))) return 'skipped'
  } else {
    if (!options.ignoreSchedule && Date.parse(row.next_attempt_at) > now) return 'skipped'
    if (provider === undefined) {
      const error = `没有配置${CHANNEL_LABELS[row.channel as Channel] ?? row.channel}的发送服务，请先配置，再在控制台重试。`
      const result = await db
        .updateTable('outbound_messages')
        .set({ status: 'failed', last_error: error })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1 ? 'failed' : 'skipped'
    }
    if (!(await claimPending(db, row, lease))) return 'skipped'
  }

  const attempt = row.attempts + 1
  let result
  try {
    result = await provider.send(toMessage(deps.cipher, row, attempt))
  } catch (error) {
    const retryable = !(error instanceof ProviderError) || error.retryable
    const reason = error instanceof Error ? error.message : String(error)
    if (!retryable || attempt >= limits.maxAttempts) {
      const lastError = retryable ? `已尝试${attempt}次仍未发出：${reason}` : reason
      await settle(db, row.id, lease, { status: 'failed', lease_until: null, last_error: lastError, provider: provider.name })
      return 'failed'
    }
    const next = new Date(Date.now() + backoffAfter(attempt, limits.backoffMs)).toISOString()
    await settle(db, row.id, lease, { status: 'pending', lease_until: null, next_attempt_at: next, last_error: reason, provider: provider.name })
    return 'retry'
  }
  const settled = await settle(db, row.id, lease, {
    status: 'sent',
    lease_until: null,
    sent_at: deps.clock.now().toISOString(),
    provider: provider.name,
    provider_message_id: result.providerMessageId ?? null,
    last_error: null,
  })
  if (!settled) deps.warn(`outbound message ${row.id} was sent but its row had changed meanwhile`)
  return 'sent'
}

function toMessage(cipher: FieldCipher, row: OutboundMessagesTable, attempt: number): OutboundMessage {
  return {
    id: row.id,
    channel: row.channel as Channel,
    recipient: cipher.decrypt(row.recipient_cipher),
    kind: row.kind as MessageKind,
    params: JSON.parse(row.params_json) as Record<string, string>,
    text: row.text,
    ...(row.page !== null ? { page: row.page } : {}),
    attempt,
  }
}
