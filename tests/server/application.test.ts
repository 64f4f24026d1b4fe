/** PUT/GET /application, /me and withdraw: validation by core, drafts that keep what was typed, privacy between applicants. */
import { checkEligibility } from '@zhihui/core'
import { login, reviewer, submitted, validForm } from './helpers/client'
import { SPECIAL, testPerson } from './helpers/people'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

it('asks to bind the card first (409) and has no application to show yet (404)', async () => {
  const client = await login(app, 'ap-unbound')
  const put = await client.send('PUT', '/application', validForm())
  expect(put.status).toBe(409)
  expect(put.body.error).toMatchObject({ code: 'CARD_NOT_BOUND', message: expect.stringContaining('绑定') })
  const get = await client.get('/application')
  expect(get.status).toBe(404)
  expect(get.body.error).toMatchObject({ code: 'NOT_FOUND' })
  expect((await client.get('/me')).body).toEqual({})
})

it('saves a valid draft and answers core’s eligibility report, with ID and social security from the binding', async () => {
  const p = testPerson(60)
  const client = await login(app, 'ap-valid')
  await client.bind(p)
  // The body tries to claim pension months and another ID number: both are ignored.
  const form = validForm({ facts: { idNumber: '11010519491231002X', socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 99 } } })
  const res = await client.send('PUT', '/application', form)
  expect(res.status).toBe(200)
  const expected = checkEligibility(
    { ...validForm().facts, idNumber: p.idNumber, socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 12 } } as never,
    { today: TODAY },
  )
  expect(res.body.eligibility).toEqual(expected)
  expect(res.body.eligibility).toMatchObject({ eligible: true, channel: 'online', subsidy: { monthlyYuan: 500, months: 36 } })
  const application = res.body.application as Record<string, unknown>
  expect(application).toMatchObject({ applicationNo: null, status: 'draft', timeline: [], documents: [] })
  expect(application.facts).not.toHaveProperty('idNumber')
  expect(application.raw).toEqual({ facts: validForm().facts, details: validForm().details })
  expect((application.requiredDocuments as { kind: string }[]).map((d) => d.kind)).toEqual(['id-card', 'hukou', 'graduation-certificate', 'degree-certificate'])
  expect((await client.get('/me')).body.application).toEqual({ applicationNo: null, status: 'draft' })
  // The answer of PUT is the application as stored: the same as the next GET.
  expect((await client.get('/application')).body).toEqual(application)
  const again = await client.send('PUT', '/application', validForm({ details: { major: '软件工程' } }))
  expect(again.body.application).toEqual((await client.get('/application')).body)
  expect(again.body.application).toMatchObject({ details: { major: '软件工程' } })
})

it('reports unmet rules from the binding’s card state (2 pension months → met from a date)', async () => {
  const client = await login(app, 'ap-two-months')
  await client.bind(testPerson(SPECIAL.twoPensionMonths))
  const res = await client.send('PUT', '/application', validForm())
  expect(res.status).toBe(200)
  const eligibility = res.body.eligibility as { eligible: boolean; unmet: { code: string; metFrom?: string }[] }
  expect(eligibility.eligible).toBe(false)
  expect(eligibility.unmet).toEqual([expect.objectContaining({ code: 'PENSION_MONTHS_INSUFFICIENT', metFrom: '2026-12-01' })])
})

it('answers 422 with every field error, and keeps the raw draft so nothing typed is lost', async () => {
  const client = await login(app, 'ap-invalid')
  await client.bind(testPerson(61))
  const form = validForm({ facts: { graduationDate: '2024-13-45' }, details: { mobile: '1380371' } })
  const res = await client.send('PUT', '/application', form)
  expect(res.status).toBe(422)
  const errors = res.body.errors as { field: string; code: string; message: string }[]
  expect(errors.map((e) => e.field).sort()).toEqual(['details.mobile', 'facts.graduationDate'])
  expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: errors[0]!.field, message: errors[0]!.message })
  const draft = await client.get('/application')
  expect(draft.status).toBe(200)
  expect(draft.body.raw).toEqual(form)
  expect(draft.body.errors).toEqual(errors)
  expect(draft.body.facts).toBeNull()
  // Fixing it later replaces the raw draft and clears the errors.
  const fixed = await client.send('PUT', '/application', validForm())
  expect(fixed.status).toBe(200)
  expect((await client.get('/application')).body.errors).toBeUndefined()
})

it('refuses a body that is not an object', async () => {
  const client = await login(app, 'ap-array')
  await client.bind(testPerson(62))
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/application',
    headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
    payload: '"text"',
  })
  expect(res.statusCode).toBe(422)
})

it('refuses a body over 64 KB (413), one of another media type (415) and text (422), in the error shape, storing nothing', async () => {
  const client = await login(app, 'ap-oversize')
  await client.bind(testPerson(67))
  const huge = await client.send('PUT', '/application', validForm({ details: { school: '郑'.repeat(30_000) } }))
  expect(huge.status).toBe(413)
  expect(huge.body.error).toMatchObject({ code: 'TOO_LARGE' })
  const sent = (contentType: string) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/application',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': contentType },
      payload: JSON.stringify(validForm()),
    })
  const xml = await sent('application/xml')
  expect(xml.statusCode).toBe(415)
  expect(xml.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
  // Text arrives as a string, which is not the object the route asks for.
  const text = await sent('text/plain')
  expect(text.statusCode).toBe(422)
  expect(text.json()).toMatchObject({ error: { code: 'VALIDATION' } })
  expect((await client.get('/application')).status).toBe(404)
})

it('refuses changes once submitted (409) and allows them again after a rejection', async () => {
  const { client, no } = await submitted(app, 'ap-locked', testPerson(63))
  const locked = await client.send('PUT', '/application', validForm())
  expect(locked.status).toBe(409)
  expect(locked.body.error).toMatchObject({ code: 'NOT_EDITABLE' })
  await reviewer(app).send('POST', `/review/applications/${no}/decision`, {
    decision: 'reject',
    reasons: [{ target: 'details.school', code: 'SCHOOL', message: '毕业院校与毕业证不符' }],
  })
  const fixed = await client.send('PUT', '/application', validForm({ details: { school: '郑州轻工业大学' } }))
  expect(fixed.status).toBe(200)
  expect(fixed.body.application).toMatchObject({ applicationNo: no, status: 'rejected', details: { school: '郑州轻工业大学' } })
  const withdrawn = await client.send('POST', '/application/withdraw')
  expect(withdrawn.body).toEqual({ applicationNo: no, status: 'withdrawn' })
})

it('never shows one applicant’s application to another (404)', async () => {
  const { client: owner, no } = await submitted(app, 'ap-owner', testPerson(64))
  const other = await login(app, 'ap-other')
  await other.bind(testPerson(65))
  const res = await other.get('/application')
  expect(res.status).toBe(404)
  expect(JSON.stringify(res.body)).not.toContain(no)
  expect((await owner.get('/application')).body.applicationNo).toBe(no)
})

it('withdraws a draft; a withdrawn application cannot be withdrawn again, and a new draft can be started', async () => {
  const client = await login(app, 'ap-withdraw')
  await client.bind(testPerson(66))
  expect((await client.send('POST', '/application/withdraw')).status).toBe(404)
  await client.send('PUT', '/application', validForm())
  const done = await client.send('POST', '/application/withdraw')
  expect(done.body).toEqual({ applicationNo: null, status: 'withdrawn' })
  const again = await client.send('POST', '/application/withdraw')
  expect(again.status).toBe(409)
  expect(again.body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
  expect((await client.get('/application')).body.status).toBe('withdrawn')
  const fresh = await client.send('PUT', '/application', validForm())
  expect((fresh.body.application as { status: string }).status).toBe('draft')
})
