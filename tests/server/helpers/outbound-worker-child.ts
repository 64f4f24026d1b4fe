/**
 * A worker in a process of its own, for the crash tests of outbound-jobs.test.ts: the test kills
 * it (SIGKILL) while its provider is sending, between the send and the acknowledgement, then
 * starts another. Run with `node --import tsx`; configured through WORKER_* variables:
 *   WORKER_ENV       the server's environment (JSON: DATA_DIR, DATABASE_URL...)
 *   WORKER_MODE      'hang': the provider accepts the message, tells the test, and never answers;
 *                    'ack': it answers at once
 *   WORKER_IDEMPOTENT '1': the provider recognises a message id it accepted before
 *   WORKER_ACCEPTED  a file of the ids the provider accepted, one a line (its "remote" memory)
 * Every send is reported to the parent as {type: 'send', id, attempt}.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { loadConfig } from '../../../packages/server/src/config'
import { createContext } from '../../../packages/server/src/context'
import type { MessageProvider } from '../../../packages/server/src/notifications/provider'

const env = JSON.parse(process.env.WORKER_ENV ?? '{}') as Record<string, string>
const mode = process.env.WORKER_MODE ?? 'ack'
const accepted = process.env.WORKER_ACCEPTED ?? ''
const report = (message: Record<string, unknown>) => process.send?.(message)

const provider: MessageProvider = {
  channel: 'sms',
  name: 'fake-sms',
  idempotent: process.env.WORKER_IDEMPOTENT === '1',
  async send(message) {
    report({ type: 'send', id: message.id, attempt: message.attempt })
    const seen = existsSync(accepted) && readFileSync(accepted, 'utf8').split('\n').includes(message.id)
    if (seen && provider.idempotent) return { providerMessageId: `fake-${message.id}`, duplicate: true }
    appendFileSync(accepted, `${message.id}\n`)
    if (mode === 'hang') await new Promise(() => undefined)
    return { providerMessageId: `fake-${message.id}` }
  },
}

async function main(): Promise<void> {
  const ctx = await createContext(loadConfig(env, env.DATA_DIR), {
    providers: { sms: provider },
    jobs: { leaseMs: 1_000, pollMs: 50, sweepMs: 200, backoffMs: 1_000, maxAttempts: 3, expireInSeconds: 60 },
    warn: () => undefined,
  })
  report({ type: 'ready' })
  process.on('message', (message) => {
    if (message === 'stop') void ctx.close().then(() => process.exit(0))
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
