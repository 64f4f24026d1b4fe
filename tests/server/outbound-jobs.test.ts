/**
 * Outbound messages as jobs (issue 13), on SQLite and (as the 'server:postgres' project) on
 * PostgreSQL with pg-boss: a message exists exactly when the change it announces commits; the
 * worker delivers it through the channel's provider, retries with backoff, fails it for good
 * where the console shows it and lets a person retry it; and a worker killed between send and
 * acknowledge never causes a second delivery.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { UNKNOWN_RESULT } from '../../packages/server/src/jobs/deliver'
import { rejectionMessage } from '../../packages/server/src/notifications/messages'
import { ProviderError, type Channel, type MessageProvider, type OutboundMessage } from '../../packages/server/src/notifications/provider'
import { createJobSmsSender, queueApplicantMessage } from '../../packages/server/src/notifications/sms-sender'
import { findApplicationByNo } from '../../packages/server/src/repositories/applications'
import { login, reviewer, samplePhoto, submitted, validForm } from './helpers/client'
import { testPerson } from './helpers/people'
import { staff } from './helpers/staff'
import { pgUrl, startTestApp, type TestApp } from './helpers/test-app'

jest.setTimeout(90_000)

const postgres = pgUrl !== undefined
/** pg-boss counts its retry delay in whole seconds. */
const BACKOFF_MS = postgres ? 1_000 : 100
const MOBILE = '13803711234'

/** A provider the test steers: each send is recorded, then answered by `next` (success by default). */
function fakeProvider(name = 'fake-sms', channel: Channel = 'sms') {
  const sends: (OutboundMessage & { at: number })[] = []
  let next: (message: OutboundMessage) => Promise<void> = async () => undefined
  const provider: MessageProvider = {
    channel,
    name,
    idempotent: true,
    async send(message) {
      sends.push({ ...message, at: Date.now() })
      await next(message)
      return { providerMessageId: `fake-${message.id}` }
    },
  }
  return {
    provider,
    sends,
    answer(fn: (message: OutboundMessage) => Promise<void>) {
      next = fn
    },
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const REASONS = [{ target: 'graduation-certificate', code: 'BLURRED', message: '毕业证照片看不清，请重新拍摄上传' }]

describe('with a worker in the process', () => {
  let t: TestApp
  const app = () => t.app
  const sms = fakeProvider()
  const wechat = fakeProvider('fake-wechat', 'wechat')
  beforeAll(async () => {
    t = await startTestApp({ build: { providers: { sms: sms.provider, wechat: wechat.provider }, jobs: { maxAttempts: 3, backoffMs: BACKOFF_MS, leaseMs: 5_000, pollMs: 50 } } })
  })
  afterAll(() => t.close())
  beforeEach(() => {
    sms.sends.length = 0
    wechat.sends.length = 0
    sms.answer(async () => undefined)
  })

  const rowsOf = (applicationId: string) =>
    app().ctx.db.selectFrom('outbound_messages').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute()

  async function rejected(code: string, n: number): Promise<{ no: string; id: string }> {
    const { no } = await submitted(app, code, testPerson(n))
    const res = await reviewer(app).send('POST', `/review/applications/${no}/decision`, { decision: 'reject', reasons: REASONS })
    expect(res.status).toBe(200)
    return { no, id: (await findApplicationByNo(app().ctx.db, no))!.id }
  }

  it('writes the message in the transaction of the change: rolled back, nothing is queued or sent', async () => {
    const { no } = await submitted(app, 'jobs-rollback', testPerson(70))
    const before = await findApplicationByNo(app().ctx.db, no)
    const sender = createJobSmsSender(app().ctx.jobs, app().ctx.db)
    const jobsBefore = postgres ? await pgBossJobs(t) : 0
    await expect(
      app()
        .ctx.db.transaction()
        .execute(async (trx) => {
          await trx.updateTable('applications').set({ status: 'rejected' }).where('id', '=', before!.id).execute()
          await queueApplicantMessage({ sms: sender }, trx, before!, rejectionMessage(no, REASONS), 'rolled-back')
          // The message is there inside the transaction...
          expect(await trx.selectFrom('outbound_messages').select('id').where('application_id', '=', before!.id).execute()).toHaveLength(1)
          throw new Error('the change fails after the message was queued')
        }),
    ).rejects.toThrow('the change fails')
    // ...and gone with it: no row, no pg-boss job, nothing sent.
    expect(await rowsOf(before!.id)).toEqual([])
    if (postgres) expect(await pgBossJobs(t)).toBe(jobsBefore)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sms.sends).toEqual([])
    expect((await findApplicationByNo(app().ctx.db, no))!.status).toBe('submitted')
  })

  it('queues a rejection with its decision and delivers it through the provider, once', async () => {
    const { no, id } = await rejected('jobs-deliver', 71)
    const [row] = await waitFor('the rejection to be sent', async () => {
      const rows = await rowsOf(id)
      return rows[0]?.status === 'sent' && rows
    })
    expect(row).toMatchObject({ channel: 'sms', kind: 'rejection', status: 'sent', attempts: 1, provider: 'fake-sms', recipient_masked: '138****1234' })
    expect(row!.provider_message_id).toBe(`fake-${row!.id}`)
    // The number is stored encrypted.
    expect(row!.recipient_cipher).not.toContain(MOBILE)
    expect(sms.sends).toEqual([expect.objectContaining({ id: row!.id, recipient: MOBILE, kind: 'rejection', attempt: 1, text: expect.stringContaining(no) })])
    expect(sms.sends[0]!.params).toMatchObject({ applicationNo: no })
    // On PostgreSQL the pg-boss job was written with the message.
    if (postgres) expect(await pgBossJobs(t)).toBeGreaterThan(0)
    // The same change queued again (same key) adds nothing.
    const app1 = await findApplicationByNo(app().ctx.db, no)
    await app()
      .ctx.db.transaction()
      .execute((trx) => queueApplicantMessage({ sms: createJobSmsSender(app().ctx.jobs, app().ctx.db) }, trx, app1!, rejectionMessage(no, REASONS), `v${app1!.version}`))
    expect(await rowsOf(id)).toHaveLength(1)
  })

  it('retries a retryable failure with growing waits, then delivers', async () => {
    let calls = 0
    sms.answer(async () => {
      calls += 1
      if (calls <= 2) throw new ProviderError('网关超时', true, 'TIMEOUT')
    })
    const { id } = await rejected('jobs-retry', 72)
    const [row] = await waitFor('the third attempt to succeed', async () => {
      const rows = await rowsOf(id)
      return rows[0]?.status === 'sent' && rows
    })
    expect(row!.attempts).toBe(3)
    expect(sms.sends.map((s) => s.attempt)).toEqual([1, 2, 3])
    expect(new Set(sms.sends.map((s) => s.id)).size).toBe(1)
    const [a, b, c] = sms.sends.map((s) => s.at) as [number, number, number]
    expect(b - a).toBeGreaterThanOrEqual(BACKOFF_MS * 0.9)
    expect(c - b).toBeGreaterThanOrEqual(2 * BACKOFF_MS * 0.9)
  })

  it('fails for good after the last attempt', async () => {
    sms.answer(async () => {
      throw new ProviderError('网关超时', true, 'TIMEOUT')
    })
    const { id } = await rejected('jobs-exhaust', 73)
    const [row] = await waitFor('the message to fail', async () => {
      const rows = await rowsOf(id)
      return rows[0]?.status === 'failed' && rows
    })
    expect(row).toMatchObject({ attempts: 3, last_error: '已尝试3次仍未发出：网关超时' })
    expect(sms.sends).toHaveLength(3)
  })

  it('also sends a WeChat subscription message to an applicant who accepted the subscription', async () => {
    const client = await login(app, 'jobs-weapp', 'weapp')
    expect((await client.bind(testPerson(77))).status).toBe(200)
    const saved = await client.send('PUT', '/application', validForm())
    for (const doc of (saved.body.application as { requiredDocuments: { kind: string }[] }).requiredDocuments) {
      expect((await client.upload(doc.kind, await samplePhoto())).status).toBe(200)
    }
    const accepted = await client.send('POST', '/application/subscriptions', { templates: ['tmpl-status-1'], accepted: true })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toEqual({ subscription: { platform: 'weapp', templates: ['tmpl-status-1'], accepted: true } })
    const refused = await client.send('POST', '/application/subscriptions', { templates: ['bad template!'], accepted: true })
    expect(refused.status).toBe(422)
    const no = (await client.submit('jobs-weapp-submit')).body.applicationNo as string
    expect((await reviewer(app).send('POST', `/review/applications/${no}/decision`, { decision: 'reject', reasons: REASONS })).status).toBe(200)
    await waitFor('the subscription message', async () => wechat.sends.length > 0)
    expect(wechat.sends).toEqual([expect.objectContaining({ channel: 'wechat', recipient: 'dev:jobs-weapp', kind: 'rejection', page: 'pages/progress/index' })])
    await waitFor('the SMS', async () => sms.sends.some((m) => m.text.includes(no)))
    // An H5 account has nothing to subscribe to.
    const h5 = await login(app, 'jobs-h5')
    expect((await h5.send('POST', '/application/subscriptions', { templates: ['tmpl-status-1'], accepted: true })).status).toBe(422)
  })

  it('shows a permanent failure to the console (masked) and sends it again on retry, audited', async () => {
    sms.answer(async () => {
      throw new ProviderError('短信模板未审核通过（SMS_123）：请在阿里云控制台检查模板', false, 'isv.SMS_TEMPLATE_ILLEGAL')
    })
    const { no, id } = await rejected('jobs-permanent', 74)
    const [failed] = await waitFor('the message to fail', async () => {
      const rows = await rowsOf(id)
      return rows[0]?.status === 'failed' && rows
    })
    expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringContaining('模板未审核通过') })

    const hr = await staff(app, 'bureau-hr')
    const list = await hr.get('/staff/messages?status=failed')
    expect(list.status).toBe(200)
    const item = (list.body.items as Record<string, unknown>[]).find((m) => m.id === failed!.id)
    expect(item).toMatchObject({ status: 'failed', kind: 'rejection', channel: 'sms', recipient: '138****1234', attempts: 1, applicationNo: no })
    expect(JSON.stringify(list.body)).not.toContain(MOBILE)
    expect((await (await staff(app, 'bureau-edu')).get('/staff/messages')).status).toBe(403)
    expect((await (await staff(app, 'reviewer')).get('/staff/messages')).status).toBe(403)

    sms.answer(async () => undefined)
    const admin = await staff(app, 'admin')
    const retried = await admin.send('POST', `/staff/messages/${failed!.id}/retry`, {})
    expect(retried.status).toBe(200)
    expect(retried.body.message).toMatchObject({ id: failed!.id, status: expect.stringMatching(/^(pending|sending|sent)$/) })
    await waitFor('the retried message to be sent', async () => (await rowsOf(id))[0]?.status === 'sent')
    expect(sms.sends.filter((s) => s.id === failed!.id)).toHaveLength(2)
    // A message that did not fail cannot be retried.
    expect((await admin.send('POST', `/staff/messages/${failed!.id}/retry`, {})).status).toBe(409)
    expect((await admin.send('POST', '/staff/messages/no-such-message/retry', {})).status).toBe(404)
    const audit = await app().ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'message-retry').execute()
    expect(audit).toEqual([expect.objectContaining({ actor: 'staff:admin', target: no })])
  })
})

async function pgBossJobs(t: TestApp): Promise<number> {
  const schema = `${t.config.databaseSchema}_jobs`
  const result = await sql<{ n: string }>`select count(*) as n from ${sql.table(`${schema}.job`)}`.execute(t.app.ctx.db)
  return Number(result.rows[0]!.n)
}

describe('a worker killed between send and acknowledge', () => {
  let t: TestApp
  const app = () => t.app
  const children: ChildProcess[] = []
  beforeAll(async () => {
    // This process only queues: the workers are child processes the test kills.
    t = await startTestApp({ build: { jobs: { worker: false } } })
  })
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await t.close()
  })

  const acceptedFile = () => join(t.dataDir, 'provider-accepted.txt')

  /** Starts a worker process; `sends` collects what its provider was asked to send. */
  function worker(mode: 'hang' | 'ack', idempotent: boolean) {
    const env: Record<string, string> = {
      DATA_DIR: t.dataDir,
      REGISTRY_FILE: join(t.dataDir, 'registry.json'),
      ...(t.config.databaseUrl !== undefined ? { DATABASE_URL: t.config.databaseUrl } : {}),
      ...(t.config.databaseSchema !== undefined ? { DATABASE_SCHEMA: t.config.databaseSchema } : {}),
    }
    const child = fork(join(__dirname, 'helpers/outbound-worker-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, WORKER_ENV: JSON.stringify(env), WORKER_MODE: mode, WORKER_IDEMPOTENT: idempotent ? '1' : '0', WORKER_ACCEPTED: acceptedFile() },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    children.push(child)
    const sends: { id: string; attempt: number }[] = []
    let ready = false
    child.on('message', (message: { type: string; id: string; attempt: number }) => {
      if (message.type === 'send') sends.push({ id: message.id, attempt: message.attempt })
      if (message.type === 'ready') ready = true
    })
    return { child, sends, ready: () => waitFor('the worker to start', async () => ready, 30_000) }
  }

  const killed = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })

  async function rejectedMessage(code: string, n: number): Promise<string> {
    const { no } = await submitted(app, code, testPerson(n))
    expect((await reviewer(app).send('POST', `/review/applications/${no}/decision`, { decision: 'reject', reasons: REASONS })).status).toBe(200)
    const id = (await findApplicationByNo(app().ctx.db, no))!.id
    const row = await app().ctx.db.selectFrom('outbound_messages').selectAll().where('application_id', '=', id).executeTakeFirstOrThrow()
    expect(row.status).toBe('pending')
    return row.id
  }

  const row = (id: string) => app().ctx.db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const accepted = (): string[] => readFileSync(acceptedFile(), 'utf8').split('\n').filter(Boolean)

  it('resends through an idempotent provider with the same message id, which delivers it once', async () => {
    const id = await rejectedMessage('jobs-crash-1', 75)
    const first = worker('hang', true)
    await waitFor('the provider to receive the message', async () => first.sends.length > 0)
    await killed(first.child)
    expect(await row(id)).toMatchObject({ status: 'sending', attempts: 1 })

    const second = worker('ack', true)
    await waitFor('the message to be settled', async () => (await row(id)).status === 'sent', 40_000)
    expect(second.sends).toEqual([{ id, attempt: 2 }])
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, provider_message_id: `fake-${id}` })
    // The provider saw the id twice and accepted it once.
    expect(accepted().filter((line) => line === id)).toHaveLength(1)
    second.child.send('stop')
    await new Promise((resolve) => second.child.once('exit', resolve))
  })

  it('does not resend through a provider that cannot recognise a repeat: the message fails for a person to check', async () => {
    const id = await rejectedMessage('jobs-crash-2', 76)
    const first = worker('hang', false)
    await waitFor('the provider to receive the message', async () => first.sends.length > 0)
    await killed(first.child)

    const second = worker('ack', false)
    await second.ready()
    await waitFor('the message to be failed', async () => (await row(id)).status === 'failed', 40_000)
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: UNKNOWN_RESULT })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(second.sends).toEqual([])
    expect(accepted().filter((line) => line === id)).toHaveLength(1)
    second.child.send('stop')
    await new Promise((resolve) => second.child.once('exit', resolve))
  })
})
