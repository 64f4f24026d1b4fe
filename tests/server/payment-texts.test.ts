/**
 * The texts of a payment run through a sender that sends at once (no queue): they go out after
 * the run commits, one per applicant, read back from the run's lines. (The default outbox queues
 * them inside the run's transaction: payment-runs.test.ts.) And the ids the run writes grow with time.
 */
import type { SmsMessage, SmsSender } from '../../packages/server/src/notifications/sms-sender'
import { orderedId } from '../../packages/server/src/services/payments/ordered-id'
import { reviewer, submitted } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

// Whole journeys and runs under PostgreSQL on a busy machine take longer than Jest's default 5 s.
jest.setTimeout(60_000)

const sent: SmsMessage[] = []
const gateway: SmsSender = {
  async send(message) {
    sent.push(message)
  },
}

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp({ build: { sms: gateway } })
})
afterAll(() => t.close())

it('texts each applicant once after the run commits, through send()', async () => {
  const nos: string[] = []
  for (const n of [60, 61]) nos.push((await submitted(app, `texts-${n}`, testPerson(n))).no)
  const rev = reviewer(app)
  for (const no of nos) await rev.send('POST', `/review/applications/${no}/decision`, { decision: 'approve' })
  const notice = await rev.send('POST', '/review/notices', { applicationNos: nos })
  const end = (notice.body.batch as { end: string }).end
  app().ctx.clock.setToday(new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
  expect((await rev.send('POST', '/review/payments', { applicationNos: nos })).status).toBe(200)
  app().ctx.clock.setToday('2027-01-04')
  sent.length = 0
  const { run } = await app().ctx.services.payments.run('2027-01', 'test')
  expect(run).toMatchObject({ month: '2027-01', paid: 24 })
  expect(sent).toHaveLength(2)
  for (const no of nos) expect(sent.filter((m) => m.text.includes(no))).toEqual([expect.objectContaining({ mobile: '13803711234', text: expect.stringContaining('2027年1月的补贴共500元已发放') })])
})

it('makes ids in the order they are made, in the UUID version 7 layout', () => {
  const ids = Array.from({ length: 5000 }, () => orderedId())
  expect([...ids].sort()).toEqual(ids)
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids.slice(0, 20)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})
