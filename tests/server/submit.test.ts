/** Submitting: idempotency, readiness (eligibility, window channel, documents), numbering, one application per person. */
import { login, readyApplicant, samplePhoto, validForm } from './helpers/client'
import { SPECIAL, testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const applicationCount = async () => Number((await t.app.ctx.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).where('application_no', 'is not', null).executeTakeFirstOrThrow()).n)

it('requires an Idempotency-Key header (422)', async () => {
  const client = await readyApplicant(app, 'sb-nokey', testPerson(70))
  const res = await client.send('POST', '/application/submit')
  expect(res.status).toBe(422)
  expect(res.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', field: 'Idempotency-Key' })
  for (const key of ['k'.repeat(129), 'two words']) {
    const bad = await client.submit(key)
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' })
  }
  expect((await client.get('/application')).body).toMatchObject({ status: 'draft', applicationNo: null })
})

it('files one application for a repeated key and answers the same', async () => {
  const client = await readyApplicant(app, 'sb-repeat', testPerson(71))
  const before = await applicationCount()
  const first = await client.submit('tap-1')
  const second = await client.submit('tap-1')
  expect(first.status).toBe(200)
  expect(second.status).toBe(200)
  expect(second.body).toEqual(first.body)
  expect(first.body).toEqual({ applicationNo: expect.stringMatching(/^ZZ20261130\d{5}$/), status: 'submitted' })
  expect(await applicationCount()).toBe(before + 1)
  // A new key on an application already submitted is a conflict, not a second application.
  const other = await client.submit('tap-2')
  expect(other.status).toBe(409)
  expect(other.body.error).toMatchObject({ code: 'ALREADY_SUBMITTED', message: expect.stringContaining(first.body.applicationNo as string) })
})

it('files one application for a parallel double submit with one key', async () => {
  const client = await readyApplicant(app, 'sb-parallel', testPerson(72))
  const before = await applicationCount()
  const answers = await Promise.all([client.submit('double-tap'), client.submit('double-tap'), client.submit('double-tap')])
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
  expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
  expect(await applicationCount()).toBe(before + 1)
  const filed = await t.app.ctx.db.selectFrom('applications').selectAll().where('application_no', '=', answers[0]!.body.applicationNo as string).executeTakeFirstOrThrow()
  const history = await t.app.ctx.db.selectFrom('application_history').selectAll().where('application_id', '=', filed.id).execute()
  expect(history.map((h) => h.event)).toEqual(['submit'])
})

it('gives parallel submissions of different people distinct, sequential numbers', async () => {
  const clients = await Promise.all([73, 74, 75, 76, 77].map((n) => readyApplicant(app, `sb-many-${n}`, testPerson(n))))
  const answers = await Promise.all(clients.map((client, i) => client.submit(`many-${i}`)))
  expect(answers.every((a) => a.status === 200)).toBe(true)
  const numbers = answers.map((a) => a.body.applicationNo as string)
  expect(new Set(numbers).size).toBe(numbers.length)
  const sequences = numbers.map((no) => Number(no.slice(-5))).sort((a, b) => a - b)
  expect(sequences.at(-1)! - sequences[0]!).toBe(numbers.length - 1)
})

it('lists every missing document with its Chinese label (422)', async () => {
  const client = await login(app, 'sb-docs')
  await client.bind(testPerson(78))
  await client.send('PUT', '/application', validForm())
  await client.upload('id-card', await samplePhoto())
  const res = await client.submit('docs-1')
  expect(res.status).toBe(422)
  expect(res.body.error).toMatchObject({ code: 'DOCUMENTS_MISSING' })
  const errors = res.body.errors as { code: string; document?: string; message: string }[]
  expect(errors.map((e) => e.document)).toEqual(['hukou', 'graduation-certificate', 'degree-certificate'])
  expect(errors.map((e) => e.message)).toEqual(['请上传户口本(户口册页)照片。', '请上传毕业证照片。', '请上传学位证照片。'])
  // The failure is not remembered: once the photos are there, the same key files it.
  for (const kind of ['hukou', 'graduation-certificate', 'degree-certificate']) await client.upload(kind, await samplePhoto())
  expect((await client.submit('docs-1')).status).toBe(200)
})

it('refuses an applicant who does not qualify, listing the unmet rules (422)', async () => {
  const client = await readyApplicant(app, 'sb-pension', testPerson(SPECIAL.twoPensionMonths))
  const res = await client.submit('pension-1')
  expect(res.status).toBe(422)
  expect(res.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', field: 'socialSecurity.pensionMonths' })
  expect(res.body.errors).toEqual([expect.objectContaining({ code: 'PENSION_MONTHS_INSUFFICIENT', message: expect.stringContaining('2026年12月1日') })])
})

it('sends overseas returnees to the window (422 WINDOW_ONLY)', async () => {
  const form = validForm({ facts: { overseasReturnee: true } })
  const client = await readyApplicant(app, 'sb-returnee', testPerson(79), form)
  const res = await client.submit('returnee-1')
  expect(res.status).toBe(422)
  expect(res.body.error).toMatchObject({ code: 'WINDOW_ONLY', message: expect.stringContaining('窗口') })
})

it('refuses to submit a draft whose last save did not validate', async () => {
  const client = await readyApplicant(app, 'sb-invalid', testPerson(80))
  expect((await client.send('PUT', '/application', validForm({ details: { mobile: '123' } }))).status).toBe(422)
  const res = await client.submit('invalid-1')
  expect(res.status).toBe(422)
  expect(res.body.error).toMatchObject({ code: 'FORM_INVALID', field: 'details.mobile' })
})

it('answers 404 without an application and 409 without a binding', async () => {
  const unbound = await login(app, 'sb-unbound')
  expect((await unbound.submit('k')).status).toBe(409)
  const bound = await login(app, 'sb-empty')
  await bound.bind(testPerson(81))
  expect((await bound.submit('k')).status).toBe(404)
})

it('keeps one active application per person whatever the platform', async () => {
  const p = testPerson(82)
  const wechat = await readyApplicant(app, 'sb-one', p)
  expect((await wechat.submit('one-1')).status).toBe(200)
  const alipay = await login(app, 'sb-one', 'alipay')
  await alipay.bind(p)
  expect((await alipay.submit('one-2')).status).toBe(409)
  expect((await alipay.send('PUT', '/application', validForm())).status).toBe(409)
  const open = await t.app.ctx.db.selectFrom('applications').selectAll().where('status', '<>', 'withdrawn').execute()
  const persons = open.map((row) => row.person_id)
  expect(new Set(persons).size).toBe(persons.length)
})
