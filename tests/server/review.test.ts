/** Review routes: the queue, one application, decisions, concurrency, notices, payments, objections. */
import { Client, reviewer, submitted, wrap } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const rev = () => reviewer(app)
const decide = (no: string, body: unknown) => rev().send('POST', `/review/applications/${no}/decision`, body)

describe('who may review', () => {
  it('refuses review routes without a reviewer token, and an applicant token is just unknown there (401)', async () => {
    const { client, no } = await submitted(app, 'rv-auth', testPerson(10))
    expect((await new Client(app).get('/review/applications')).status).toBe(401)
    expect((await client.get('/review/applications')).status).toBe(401)
    expect((await client.get(`/review/applications/${no}`)).status).toBe(401)
    expect((await client.send('POST', `/review/applications/${no}/decision`, { decision: 'approve' })).status).toBe(401)
    expect((await new Client(app, 'not-a-reviewer').get('/review/applications')).status).toBe(401)
  })
})

describe('queue and detail', () => {
  it('lists the submitted queue by default and filters by status; refuses unknown statuses', async () => {
    const { no } = await submitted(app, 'rv-queue', testPerson(11))
    const all = await rev().get('/review/applications')
    expect(all.status).toBe(200)
    const row = (all.body.applications as { applicationNo: string; status: string; submittedAt: string }[]).find((a) => a.applicationNo === no)
    expect(row).toEqual({ applicationNo: no, status: 'submitted', submittedAt: expect.any(String) })
    expect(((await rev().get('/review/applications?status=paid')).body.applications as unknown[]).length).toBe(0)
    const bad = await rev().get('/review/applications?status=lost')
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'status' })
  })

  it('shows one application with facts, photos and history, ID and card numbers masked', async () => {
    const person = testPerson(12)
    const { no } = await submitted(app, 'rv-detail', person)
    const detail = await rev().get(`/review/applications/${no}`)
    expect(detail.status).toBe(200)
    const text = JSON.stringify(detail.body)
    expect(text).not.toContain(person.idNumber)
    expect(text).not.toContain(person.cardNumber)
    expect(detail.body.applicant).toMatchObject({ name: person.name, idNumberMasked: `4101**********${person.idNumber.slice(-4)}` })
    expect((detail.body.facts as { education: string }).education).toBe('bachelor')
    const documents = detail.body.documents as { kind: string; photoId: string }[]
    expect(documents.map((d) => d.kind).sort()).toEqual(['degree-certificate', 'graduation-certificate', 'hukou', 'id-card'])
    expect((detail.body.history as { event: string }[]).map((h) => h.event)).toEqual(['submit'])

    const image = await app().inject({
      method: 'GET',
      url: `/api/v1/review/applications/${no}/photos/${documents[0]!.photoId}`,
      headers: { authorization: 'Bearer dev-reviewer-token' },
    })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')
    const missing = await rev().get(`/review/applications/${no}/photos/00000000-0000-4000-8000-000000000000`)
    expect(missing.status).toBe(404)
    expect((await rev().get('/review/applications/ZZ2026113099999')).status).toBe(404)
  })
})

describe('decisions', () => {
  it('requires a reason pointing at a document or a field to reject', async () => {
    const { no } = await submitted(app, 'rv-reasons', testPerson(13))
    const none = await decide(no, { decision: 'reject' })
    expect(none.status).toBe(422)
    expect(none.body.error).toMatchObject({ field: 'reasons' })
    const vague = await decide(no, { decision: 'reject', reasons: [{ target: 'everything', code: 'BAD', message: '不行' }] })
    expect(vague.status).toBe(422)
    expect(vague.body.error).toMatchObject({ field: 'reasons.0.target' })
    const noMessage = await decide(no, { decision: 'reject', reasons: [{ target: 'facts.graduationDate', code: 'DATE', message: ' ' }] })
    expect(noMessage.body.error).toMatchObject({ field: 'reasons.0.message' })
    const wrong = await decide(no, { decision: 'maybe' })
    expect(wrong.body.error).toMatchObject({ field: 'decision' })
    const ok = await decide(no, { decision: 'reject', reasons: [{ target: 'details.mobile', code: 'MOBILE', message: '手机号无法接通，请核对' }] })
    expect(ok.body).toEqual({ applicationNo: no, status: 'rejected' })
  })

  it('lets exactly one of two concurrent decisions win; the other gets 409 and nothing is lost', async () => {
    const { no } = await submitted(app, 'rv-race', testPerson(14))
    const [a, b] = await Promise.all([
      decide(no, { decision: 'approve' }),
      decide(no, { decision: 'reject', reasons: [{ target: 'id-card', code: 'BLUR', message: '身份证照片模糊' }] }),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const winner = a.status === 200 ? a : b
    const detail = await rev().get(`/review/applications/${no}`)
    expect(detail.body.status).toBe(winner.body.status)
    // One start-review and one decision in the history: the loser left no trace.
    expect((detail.body.history as { event: string }[]).map((h) => h.event)).toEqual(['submit', 'start-review', winner.body.status === 'rejected' ? 'reject' : 'approve'])
  })

  it('answers 404 for a decision or an objection on an unknown or malformed application number', async () => {
    for (const no of ['ZZ2026113099999', 'not-a-number']) {
      const decided = await decide(no, { decision: 'approve' })
      expect(decided.status).toBe(404)
      expect(decided.body.error).toMatchObject({ code: 'NOT_FOUND' })
      expect((await rev().send('POST', `/review/applications/${no}/objection`, { note: '异议' })).status).toBe(404)
      expect((await rev().get(`/review/applications/${no}/photos/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
    }
  })

  it('refuses illegal moves with 409 (core decides), e.g. deciding again after approval', async () => {
    const { no } = await submitted(app, 'rv-illegal', testPerson(15))
    expect((await decide(no, { decision: 'approve' })).status).toBe(200)
    const again = await decide(no, { decision: 'approve' })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    expect((again.body.error as { message: string }).message).toContain('公示中')
  })
})

describe('notices, objections and payments', () => {
  it('refuses a notice for applications not approved, or unknown, or already in a notice', async () => {
    const { no } = await submitted(app, 'rv-notice', testPerson(16))
    const early = await rev().send('POST', '/review/notices', { applicationNos: [no] })
    expect(early.status).toBe(409)
    expect(early.body.errors).toEqual([{ applicationNo: no, message: expect.stringContaining('审核通过后才能公示') }])
    await decide(no, { decision: 'approve' })
    const unknown = await rev().send('POST', '/review/notices', { applicationNos: [no, 'ZZ2026113099999'] })
    expect(unknown.status).toBe(409)
    expect((await rev().send('POST', '/review/notices', { applicationNos: [no] })).status).toBe(200)
    expect((await rev().send('POST', '/review/notices', { applicationNos: [no] })).status).toBe(409)
    expect((await rev().send('POST', '/review/notices', { applicationNos: [] })).status).toBe(422)
    expect((await rev().send('POST', '/review/notices', { applicationNos: ['12345'] })).status).toBe(422)
  })

  it('reopens the review on an objection during the notice; a new approval needs a new notice', async () => {
    const { client, no } = await submitted(app, 'rv-object', testPerson(17))
    await decide(no, { decision: 'approve' })
    await rev().send('POST', '/review/notices', { applicationNos: [no] })
    const noNote = await rev().send('POST', `/review/applications/${no}/objection`, {})
    expect(noNote.status).toBe(422)
    const objected = await rev().send('POST', `/review/applications/${no}/objection`, { note: '有群众反映其未在郑就业' })
    expect(objected.body).toEqual({ applicationNo: no, status: 'under-review' })
    const seen = await client.get('/application')
    expect(seen.body.status).toBe('under-review')
    expect(seen.body.notice).toBeUndefined()
    expect((await rev().send('POST', `/review/applications/${no}/objection`, { note: '再次异议' })).status).toBe(409)
    await decide(no, { decision: 'approve' })
    expect((await rev().send('POST', '/review/payments', { applicationNos: [no] })).status).toBe(409)
  })

  it('starts paying an application once, even when two requests race, and refuses to start it again', async () => {
    const { no } = await submitted(app, 'rv-pay-race', testPerson(19))
    await decide(no, { decision: 'approve' })
    const notice = await rev().send('POST', '/review/notices', { applicationNos: [no] })
    const end = (notice.body.batch as { end: string }).end
    try {
      app().ctx.clock.setToday(new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
      const [a, b] = await Promise.all([
        rev().send('POST', '/review/payments', { applicationNos: [no] }),
        rev().send('POST', '/review/payments', { applicationNos: [no] }),
      ])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      expect((a.status === 200 ? a : b).body.payments).toEqual([
        expect.objectContaining({ applicationNo: no, status: 'paying', amountYuan: 500, entitlement: expect.objectContaining({ paidMonths: 11 }) }),
      ])
      const again = await rev().send('POST', '/review/payments', { applicationNos: [no] })
      expect(again.status).toBe(409)
      const detail = await rev().get(`/review/applications/${no}`)
      expect((detail.body.history as { event: string }[]).map((h) => h.event)).toEqual(['submit', 'start-review', 'approve', 'end-notice'])
      // Each month once: 11 lines, not 22.
      const seen = await app()
        .ctx.db.selectFrom('payment_lines as l')
        .innerJoin('applications as a', 'a.id', 'l.application_id')
        .select('l.month')
        .where('a.application_no', '=', no)
        .execute()
      expect(seen).toHaveLength(11)
    } finally {
      app().ctx.clock.setToday('2026-11-30')
    }
  })

  it('refuses payment of an application that is not in a notice', async () => {
    const { no } = await submitted(app, 'rv-pay-early', testPerson(18))
    const res = await rev().send('POST', '/review/payments', { applicationNos: [no] })
    expect(res.status).toBe(409)
    expect(res.body.errors).toEqual([{ applicationNo: no, message: expect.any(String) }])
  })
})

it('answers review JSON errors in the one error shape', async () => {
  const res = wrap(
    await app().inject({
      method: 'POST',
      url: '/api/v1/review/notices',
      headers: { authorization: 'Bearer dev-reviewer-token', 'content-type': 'application/json' },
      payload: '{not json',
    }),
  )
  expect(res.status).toBe(400)
  expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) })
})
