/**
 * One application from submitted to paying, as design.md's journey describes it, and the
 * reviewers' guard rails on the way: reasons on rejection, one winner of two concurrent
 * decisions, notice dates from core, no payment before the notice has ended. Paying is monthly
 * (payment-runs.test.ts carries it on to the last month).
 */
import { publicNoticeEnd } from '@zhihui/core'
import { Client, reviewer, submitted } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const outbox = async () => (await new Client(app).get('/dev/outbox')).body.messages as { mobile: string; text: string }[]

it('carries an application from submitted through rejection, resubmission and notice to paying, arrears paid', async () => {
  const { client, no } = await submitted(app, 'journey-1', testPerson(1))
  expect(no).toMatch(/^ZZ2026113000\d{3}$/)
  const rev = reviewer(app)

  const queue = await rev.get('/review/applications?status=submitted')
  expect(queue.status).toBe(200)
  expect(queue.body.applications).toEqual(expect.arrayContaining([expect.objectContaining({ applicationNo: no, status: 'submitted' })]))

  const rejected = await rev.send('POST', `/review/applications/${no}/decision`, {
    decision: 'reject',
    reasons: [{ target: 'graduation-certificate', code: 'BLURRED', message: '毕业证照片看不清，请重新拍摄上传' }],
  })
  expect(rejected.body).toEqual({ applicationNo: no, status: 'rejected' })

  const seen = await client.get('/application')
  expect(seen.body.status).toBe('rejected')
  expect(seen.body.rejection).toEqual({
    reasons: [{ target: 'graduation-certificate', code: 'BLURRED', message: '毕业证照片看不清，请重新拍摄上传' }],
  })
  expect((seen.body.timeline as { status: string }[]).map((s) => s.status)).toEqual(['submitted', 'under-review', 'rejected'])
  const sms = await outbox()
  expect(sms.some((m) => m.mobile === '13803711234' && m.text.includes(no) && m.text.includes('毕业证照片看不清'))).toBe(true)

  const resubmitted = await client.submit('journey-1-second')
  expect(resubmitted.body).toEqual({ applicationNo: no, status: 'submitted' })

  const approved = await rev.send('POST', `/review/applications/${no}/decision`, { decision: 'approve' })
  expect(approved.body).toEqual({ applicationNo: no, status: 'public-notice' })

  const notice = await rev.send('POST', '/review/notices', { applicationNos: [no] })
  expect(notice.status).toBe(200)
  const batch = notice.body.batch as { start: string; end: string; applicationNos: string[] }
  expect(batch.start).toBe(TODAY)
  expect(batch.end).toBe(publicNoticeEnd(TODAY, 7))
  expect(batch.applicationNos).toEqual([no])
  expect((await client.get('/application')).body.notice).toEqual({ start: batch.start, end: batch.end })

  const early = await rev.send('POST', '/review/payments', { applicationNos: [no] })
  expect(early.status).toBe(409)
  expect((early.body.error as { message: string }).message).toContain('公示期未结束')

  await new Client(app).send('POST', '/dev/clock', { today: batch.end })
  expect((await rev.send('POST', '/review/payments', { applicationNos: [no] })).status).toBe(409)

  const dayAfter = new Date(Date.parse(`${batch.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  await new Client(app).send('POST', '/dev/clock', { today: dayAfter })
  const paid = await rev.send('POST', '/review/payments', { applicationNos: [no] })
  expect(paid.status).toBe(200)
  // All conditions were met in 2026-02 (12 months of pension counted at the binding on 2026-11-30:
  // the 3rd of them paid by the end of January), so the arrears run from February to this month.
  const months = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']
  expect(paid.body.payments).toEqual([
    {
      applicationNo: no,
      status: 'paying',
      amountYuan: 500,
      entitlement: { monthlyYuan: 500, months: 36, firstMonth: '2026-02', paidMonths: 11, paidYuan: 5500, lastMonth: '2029-01', nextMonth: '2027-01' },
      lines: months.map((month) => ({ month, amountYuan: 500, status: 'paid' })),
    },
  ])

  const final = await client.get('/application')
  expect(final.body.status).toBe('paying')
  expect(final.body.statusLabel).toBe('发放中')
  expect(final.body.entitlement).toEqual({
    monthlyYuan: 500,
    months: 36,
    firstMonth: '2026-02',
    paidMonths: 11,
    paidYuan: 5500,
    lastMonth: '2029-01',
    nextMonth: '2027-01',
  })
  expect(final.body.payments).toEqual(months.map((month) => ({ month, amountYuan: 500, status: 'paid', at: expect.any(String) })))
  expect((final.body.timeline as { status: string }[]).map((s) => s.status)).toEqual([
    'submitted',
    'under-review',
    'rejected',
    'submitted',
    'under-review',
    'public-notice',
    'paying',
  ])
  const texts = (await outbox()).map((m) => m.text)
  expect(texts.some((text) => text.includes(no) && text.includes('公示期'))).toBe(true)
  expect(texts.some((text) => text.includes(no) && text.includes('2026年2月至2026年12月的补贴共5500元已发放'))).toBe(true)
})
