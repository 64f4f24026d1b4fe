/**
 * The SMS provider failing for two minutes (issue 13, "Proof"): rejections decided meanwhile are
 * texted once it answers again, each exactly once, none given up on. The provider is the real
 * Aliyun SMS client (src/notifications/providers/aliyun-sms.ts) against the fake Aliyun of
 * ./helpers/fake-providers.ts, failing with HTTP 500 for 90 s and then refusing with
 * isv.BUSINESS_LIMIT_CONTROL (throttled) for 30 s; the worker retries with growing waits (2 s,
 * 4 s, … 128 s: the 8 attempts of the default schedule, on a 2 s base instead of 15 s, so the run
 * stays under three minutes).
 *
 * It takes about two and a half minutes, so it runs once: in the 'server:postgres' project (pg-boss
 * carries the jobs, as with several instances) when TEST_DATABASE_URL is set, else on SQLite.
 */
import { createAliyunSmsProvider } from '../../packages/server/src/notifications/providers/aliyun-sms'
import { findApplicationByNo } from '../../packages/server/src/repositories/applications'
import { reviewer, submitted } from './helpers/client'
import { startFakeAliyunSms, type FakeAliyunSms } from './helpers/fake-providers'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

const OUTAGE_MS = 120_000
const THROTTLED_MS = 30_000
const MESSAGES = 6
const REASONS = [{ target: 'graduation-certificate', code: 'BLURRED', message: '毕业证照片看不清，请重新拍摄上传' }]

jest.setTimeout(OUTAGE_MS + 240_000)

const runsHere = process.env.TEST_DATABASE_URL ? process.env.SERVER_TEST_DB === 'postgres' : true
const maybe = runsHere ? describe : describe.skip

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

maybe('an SMS provider failing for two minutes', () => {
  let fake: FakeAliyunSms
  let t: TestApp
  const app = () => t.app

  beforeAll(async () => {
    fake = await startFakeAliyunSms({ accessKeyId: 'LTAI-faults', accessKeySecret: 'faults-secret', templates: ['SMS_300001'] })
    const sms = createAliyunSmsProvider({
      accessKeyId: 'LTAI-faults',
      accessKeySecret: 'faults-secret',
      signName: '智汇郑州',
      templates: { rejection: 'SMS_300001' },
      endpoint: fake.url,
    })
    t = await startTestApp({ build: { providers: { sms }, jobs: { maxAttempts: 8, backoffMs: 2_000, leaseMs: 30_000, pollMs: 100 } } })
  })
  afterAll(async () => {
    await t?.close()
    await fake?.close()
  })

  it('texts every rejection decided during the outage once it is over, each exactly once', async () => {
    const applications: { no: string; id: string }[] = []
    for (let i = 0; i < MESSAGES; i++) {
      const { no } = await submitted(app, `sms-outage-${i}`, testPerson(120 + i))
      applications.push({ no, id: (await findApplicationByNo(app().ctx.db, no))!.id })
    }

    const began = Date.now()
    fake.failFor(OUTAGE_MS - THROTTLED_MS, 'http500')
    const throttled = setTimeout(() => fake.failFor(THROTTLED_MS, 'throttle'), OUTAGE_MS - THROTTLED_MS)
    try {
      // Rejections spread over the outage, each queueing one text.
      for (const [i, { no }] of applications.entries()) {
        await sleep(Math.max(0, began + (i * (OUTAGE_MS - 10_000)) / MESSAGES - Date.now()))
        const res = await reviewer(app).send('POST', `/review/applications/${no}/decision`, { decision: 'reject', reasons: REASONS })
        expect(res.status).toBe(200)
      }
      await sleep(Math.max(0, began + OUTAGE_MS - Date.now()))
    } finally {
      clearTimeout(throttled)
    }
    const recovered = Date.now()
    expect(fake.deliveries).toEqual([])

    const ids = applications.map((a) => a.id)
    const rows = () => app().ctx.db.selectFrom('outbound_messages').selectAll().where('application_id', 'in', ids).execute()
    // The longest wait of the schedule after the outage is 128 s (2 s × 2^6).
    const deadline = Date.now() + 150_000
    let current = await rows()
    while (!(current.length === MESSAGES && current.every((row) => row.status === 'sent'))) {
      if (current.some((row) => row.status === 'failed')) break
      if (Date.now() > deadline) break
      await sleep(250)
      current = await rows()
    }
    expect(current.map((row) => ({ kind: row.kind, status: row.status, lastError: row.status === 'sent' ? null : row.last_error }))).toEqual(
      ids.map(() => ({ kind: 'rejection', status: 'sent', lastError: null })),
    )
    // Every message was tried during the outage, and went through after it.
    for (const row of current) expect(row.attempts).toBeGreaterThan(1)
    // Exactly once each: one delivery per message id (OutId), none during the outage.
    const outIds = fake.deliveries.map((d) => d.outId)
    expect(outIds.sort()).toEqual(current.map((row) => row.id).sort())
    for (const delivery of fake.deliveries) expect(delivery.at).toBeGreaterThanOrEqual(recovered - 50)
    expect(fake.deliveries.every((d) => d.templateCode === 'SMS_300001' && d.phoneNumbers === '13803711234')).toBe(true)
    // The provider was really failing meanwhile: more calls than messages.
    expect(fake.calls.filter((call) => call === 'SendSms').length).toBeGreaterThan(MESSAGES)
    // Nothing more arrives afterwards.
    await sleep(3_000)
    expect(fake.deliveries).toHaveLength(MESSAGES)
  })
})
