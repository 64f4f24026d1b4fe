/**
 * Monthly payment runs (design.md, "Monthly payments"), over six months of one small programme:
 * the start of paying with arrears, a run that adopts those lines into its bank file, lapses in
 * the registry, stop and resume, the last month moving an application to paid, two concurrent
 * runs of one month, a registry down before and half-way through a run, and bad months.
 * Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { publicNoticeEnd } from '@zhihui/core'
import ExcelJS from 'exceljs'
import { createMemoryRegistry, RegistryUnavailableError, type Registry } from '../../packages/server/src/registry'
import { Client, login, readyApplicant, reviewer, validForm } from './helpers/client'
import { testPerson, testRegistry } from './helpers/people'
import { staff, StaffClient } from './helpers/staff'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

// Whole journeys and runs under PostgreSQL on a busy machine take longer than Jest's default 5 s.
jest.setTimeout(60_000)

/** A: pays every month. L: lapses (pension 2026-09, account frozen 2027-01). S: 6 months, short. X: stopped and resumed. */
const PEOPLE = {
  A: testPerson(400),
  L: testPerson(401, { lapses: { '2026-09': { pensionPaid: false }, '2027-01': { financialAccountActive: false } } }),
  S: testPerson(402, { pensionMonths: 3 }),
  X: testPerson(403),
}
type Key = keyof typeof PEOPLE

let monthlyCalls = 0
let failMonthly: ((call: number) => boolean) | undefined
const base = createMemoryRegistry([...testRegistry(), ...Object.values(PEOPLE)])
const registry: Registry = {
  verify: (query) => base.verify(query),
  async monthlyStates(queries) {
    monthlyCalls += 1
    if (failMonthly?.(monthlyCalls)) throw new RegistryUnavailableError('registry down')
    return base.monthlyStates(queries)
  },
}

let t: TestApp
const app = () => t.app
/** Moves the server's date and signs the payments officer in again (a staff session lasts hours, not months). */
async function setToday(day: string): Promise<void> {
  app().ctx.clock.setToday(day)
  officer = await staff(app, 'payments')
}
const nos = {} as Record<Key, string>
let officer: StaffClient
let noticeEnd: string

const linesOf = (month: string) => app().ctx.db.selectFrom('payment_lines').selectAll().where('month', '=', month).execute()
const runOf = (month: string) => app().ctx.db.selectFrom('payment_runs').selectAll().where('month', '=', month).executeTakeFirst()
const outbox = async () => (await new Client(app).get('/dev/outbox')).body.messages as { mobile: string; text: string; at: string }[]
/** The applicant's progress, signed in afresh (an applicant session does not last the months these tests pass). */
const view = async (key: Key) => (await (await login(app, `pay-${key}`)).get('/application')).body as Record<string, unknown> & {
  status: string
  entitlement?: { paidMonths: number; paidYuan: number; nextMonth: string | null; firstMonth: string }
  payments?: { month: string; amountYuan: number; status: string; reason?: string }[]
}

beforeAll(async () => {
  t = await startTestApp({ build: { registry } })
  const rev = reviewer(app)
  for (const key of Object.keys(PEOPLE) as Key[]) {
    const form = key === 'S' ? validForm({ facts: { employment: { kind: 'unemployed' } } }) : validForm()
    const applicant = await readyApplicant(app, `pay-${key}`, PEOPLE[key], form)
    const submitted = await applicant.submit(`pay-key-${key}`)
    if (submitted.status !== 200) throw new Error(JSON.stringify(submitted.body))
    nos[key] = submitted.body.applicationNo as string
    await rev.send('POST', `/review/applications/${nos[key]}/decision`, { decision: 'approve' })
  }
  const notice = await rev.send('POST', '/review/notices', { applicationNos: Object.values(nos) })
  noticeEnd = (notice.body.batch as { end: string }).end
  expect(noticeEnd).toBe(publicNoticeEnd(TODAY, 7))
})
afterAll(() => t.close())

const runMonth = (month: unknown) => officer.send('POST', '/staff/payment-runs', { month })

it('a run before anyone is paying pays nothing; the same month again is 409 and changes nothing', async () => {
  await setToday('2026-12-05')
  const first = await runMonth('2026-12')
  expect(first.status).toBe(200)
  expect(first.body.run).toEqual({ id: expect.any(String), month: '2026-12', paid: 0, suspended: 0, totalYuan: 0, createdBy: 'staff:payments', createdAt: expect.any(String) })
  const again = await runMonth('2026-12')
  expect(again.status).toBe(409)
  expect(again.body.error).toMatchObject({ code: 'ALREADY_RUN', field: 'month', message: expect.stringContaining('2026-12已发放过') })
  expect((await officer.get('/staff/payment-runs')).body.runs).toHaveLength(1)
})

it.each([
  ['2026-13', 'MONTH_FORMAT', '“2026-13”'],
  ['12/2026', 'MONTH_FORMAT', '“12/2026”'],
  [undefined, 'MONTH_FORMAT', '空值'],
  ['2027-01', 'MONTH_IN_FUTURE', '2027年1月还没有到'],
  ['2017-10', 'MONTH_BEFORE_POLICY', '2017年10月早于'],
])('refuses the month %p with 422 naming it (%s)', async (month, code, words) => {
  await setToday('2026-12-05')
  const res = await runMonth(month)
  expect(res.status).toBe(422)
  expect(res.body.error).toMatchObject({ code, field: 'month', message: expect.stringContaining(words) })
})

it('the start of paying (POST /review/payments) fixes the entitlement and pays the arrears from the month all conditions were met', async () => {
  const dayAfter = new Date(Date.parse(`${noticeEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  await setToday(dayAfter)
  const res = await reviewer(app).send('POST', '/review/payments', { applicationNos: Object.values(nos) })
  expect(res.status).toBe(200)
  const a = await view('A')
  expect(a.status).toBe('paying')
  expect(a.entitlement).toEqual({ monthlyYuan: 500, months: 36, firstMonth: '2026-02', paidMonths: 11, paidYuan: 5500, lastMonth: '2029-01', nextMonth: '2027-01' })
  const l = await view('L')
  const september = l.payments?.find((line) => line.month === '2026-09')
  expect(september).toEqual({
    month: '2026-09',
    amountYuan: 0,
    status: 'suspended',
    reason: '2026年9月当月未在郑州市域内按时缴纳养老保险。该月补贴不发放，以后也不补发，发放期限不顺延。',
    at: expect.any(String),
  })
  expect(l.entitlement).toMatchObject({ paidMonths: 10, paidYuan: 5000, nextMonth: '2027-01' })
  // 3 months of pension when bound on 2026-11-30: met from November; 6 months for a graduate not yet employed.
  expect((await view('S')).entitlement).toMatchObject({ firstMonth: '2026-11', months: 6, paidMonths: 2, nextMonth: '2027-01' })
  const texts = (await outbox()).map((m) => m.text)
  expect(texts.filter((text) => text.includes(nos.L))).toContainEqual(expect.stringContaining('2026年9月当月未在郑州市域内按时缴纳养老保险'))
})

it('stops paying with a reason (payments officer only), and the applicant sees it', async () => {
  await setToday('2026-12-20')
  expect((await officer.send('POST', `/staff/applications/${nos.X}/stop`, {})).status).toBe(422)
  const reviewerStaff = await staff(app, 'reviewer')
  expect((await reviewerStaff.send('POST', `/staff/applications/${nos.X}/stop`, { reason: '核查' })).status).toBe(403)
  const stopped = await officer.send('POST', `/staff/applications/${nos.X}/stop`, { reason: '经核查已离开郑州工作' })
  expect(stopped.body).toEqual({ applicationNo: nos.X, status: 'stopped', statusLabel: '已终止发放' })
  expect((await officer.send('POST', `/staff/applications/${nos.X}/stop`, { reason: '再次' })).body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
  const x = await view('X')
  expect(x.status).toBe('stopped')
  expect(x.stop).toEqual({ reason: '经核查已离开郑州工作', at: expect.any(String) })
  expect(x.entitlement).toMatchObject({ paidMonths: 11 })
})

let january: { id: string }

it('the next run adopts the lines decided since the last one, pays its month, suspends a lapse, skips the stopped', async () => {
  await setToday('2027-01-05')
  const before = (await outbox()).length
  const res = await runMonth('2027-01')
  expect(res.status).toBe(200)
  // A 11+1, L 10 (+2 suspended), S 2+1, X 11 (decided before the stop; the bank has still to pay them).
  expect(res.body.run).toMatchObject({ month: '2027-01', paid: 36, suspended: 2, totalYuan: 18000 })
  january = res.body.run as { id: string }
  const lines = await linesOf('2027-01')
  expect(lines.map((l) => l.status).sort()).toEqual(['paid', 'paid', 'suspended'])
  expect(lines.find((l) => l.status === 'suspended')?.reason).toContain('社会保障卡金融账户未激活或已冻结')
  // One text per applicant with a new line (A, L, S), none for the stopped X.
  const texts = (await outbox()).slice(0, (await outbox()).length - before).map((m) => m.text)
  expect(texts).toHaveLength(3)
  for (const key of ['A', 'L', 'S'] as const) expect(texts.filter((text) => text.includes(nos[key]))).toHaveLength(1)
  expect((await view('A')).entitlement).toMatchObject({ paidMonths: 12, paidYuan: 6000, nextMonth: '2027-02' })

  const detail = await officer.get(`/staff/payment-runs/${january.id}?pageSize=1000`)
  expect(detail.body.total).toBe(38)
  expect(detail.body.lines).toHaveLength(38)
  expect(detail.body.lines).toContainEqual({ applicationNo: nos.A, name: '张测试', month: '2026-02', amountYuan: 500, status: 'paid' })
})

it('the bank file lists every paid line with the card number in clear, as .csv and .xlsx, and is audited', async () => {
  const csv = await app().inject({ method: 'GET', url: `/api/v1/staff/payment-runs/${january.id}/bank-file.csv`, headers: { cookie: `zh_staff=${officer.cookie}` } })
  expect(csv.statusCode).toBe(200)
  expect(csv.headers['content-type']).toContain('text/csv')
  const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(rows[0]).toBe('姓名,社会保障卡号,金额（元）,发放月份,申请编号')
  expect(rows).toHaveLength(37)
  expect(rows).toContain(`张测试,${PEOPLE.A.cardNumber},500,2027-01,${nos.A}`)
  expect(rows.filter((row) => row.includes(nos.L))).toHaveLength(10)

  const xlsx = await app().inject({ method: 'GET', url: `/api/v1/staff/payment-runs/${january.id}/bank-file.xlsx`, headers: { cookie: `zh_staff=${officer.cookie}` } })
  expect(xlsx.statusCode).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]!
  expect(sheet.rowCount).toBe(37)
  expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '社会保障卡号', '金额（元）', '发放月份', '申请编号'])

  const bureau = await staff(app, 'bureau-hr')
  expect((await bureau.get(`/staff/payment-runs/${january.id}`)).status).toBe(200)
  expect((await bureau.get(`/staff/payment-runs/${january.id}/bank-file.csv`)).status).toBe(403)
  expect((await (await staff(app, 'bureau-edu')).get('/staff/payment-runs')).status).toBe(403)

  const audit = await app().ctx.db.selectFrom('audit_log').select(['action', 'target', 'actor']).where('action', 'like', '%pay%').execute()
  const exports = await app().ctx.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'bank-file-export').execute()
  expect(exports).toEqual([
    { action: 'bank-file-export', target: '2027-01' },
    { action: 'bank-file-export', target: '2027-01' },
  ])
  expect(audit).toEqual(
    expect.arrayContaining([
      { action: 'payment-run', target: '2026-12', actor: 'staff:payments' },
      { action: 'payment-run', target: '2027-01', actor: 'staff:payments' },
      { action: 'payment-stop', target: nos.X, actor: 'staff:payments' },
    ]),
  )
})

it('resumed, the months of the stop are decided by the next run against the registry, like arrears', async () => {
  await setToday('2027-02-03')
  expect((await officer.send('POST', `/staff/applications/${nos.X}/resume`, { reason: '复核后确认仍在郑工作' })).body).toMatchObject({ status: 'paying' })
  const res = await runMonth('2027-02')
  expect(res.body.run).toMatchObject({ month: '2027-02', paid: 5, suspended: 0, totalYuan: 2500 })
  expect((await view('X')).payments?.slice(-2).map((l) => l.month)).toEqual(['2027-01', '2027-02'])
  const ledger = await officer.get(`/staff/applications/${nos.X}/ledger`)
  expect(ledger.status).toBe(200)
  expect(ledger.body.entitlement).toMatchObject({ policy: '2017', lapsedMonth: 'skip', paidMonths: 13 })
  expect((ledger.body.history as { event: string }[]).map((h) => h.event)).toEqual(['end-notice', 'stop', 'resume'])
})

it('the run that pays the last month moves the application to paid (发放完毕)', async () => {
  for (const [day, month] of [
    ['2027-03-02', '2027-03'],
    ['2027-04-02', '2027-04'],
  ]) {
    await setToday(day as string)
    expect((await runMonth(month)).status).toBe(200)
  }
  const s = await view('S')
  expect(s.status).toBe('paid')
  expect(s.statusLabel).toBe('发放完毕')
  expect(s.entitlement).toEqual({ monthlyYuan: 500, months: 6, firstMonth: '2026-11', paidMonths: 6, paidYuan: 3000, lastMonth: '2027-04', nextMonth: null })
  expect((await outbox()).find((m) => m.text.includes(nos.S))?.text).toContain('已全部发放完毕')
  const history = (await reviewer(app).get(`/review/applications/${nos.S}`)).body.history as { event: string; actor: string }[]
  expect(history.at(-1)).toMatchObject({ event: 'finish-payments', actor: 'staff:payments' })
})

it('two concurrent runs of one month: exactly one pays, the other is 409', async () => {
  await setToday('2027-05-06')
  const [a, b] = await Promise.all([runMonth('2027-05'), runMonth('2027-05')])
  expect([a.status, b.status].sort()).toEqual([200, 409])
  expect((a.status === 409 ? a : b).body.error).toMatchObject({ code: 'ALREADY_RUN' })
  // A, L and X are paying; S is paid off.
  expect((await linesOf('2027-05')).map((l) => l.application_id).sort()).toHaveLength(3)
})

it('registry down: 503, nothing written, and the month can be run again', async () => {
  await setToday('2027-06-02')
  failMonthly = () => true
  const down = await runMonth('2027-06')
  expect(down.status).toBe(503)
  expect(down.body.error).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', message: expect.stringContaining('未写入任何记录') })
  expect(await runOf('2027-06')).toBeUndefined()
  expect(await linesOf('2027-06')).toEqual([])
  failMonthly = undefined
  expect((await runMonth('2027-06')).body.run).toMatchObject({ month: '2027-06', paid: 3 })
})

it('a registry failing half-way through a run leaves nothing half-written', async () => {
  await setToday('2027-07-02')
  const statusBefore = await app().ctx.db.selectFrom('applications').select(['id', 'status', 'version']).orderBy('id').execute()
  const start = monthlyCalls
  // One application a page: the first page's lines are written before the second page's question fails.
  failMonthly = (call) => call === start + 2
  await expect(app().ctx.services.payments.run('2027-07', 'test', { pageSize: 1 })).rejects.toMatchObject({ statusCode: 503 })
  expect(monthlyCalls).toBe(start + 2)
  expect(await runOf('2027-07')).toBeUndefined()
  expect(await linesOf('2027-07')).toEqual([])
  expect(await app().ctx.db.selectFrom('applications').select(['id', 'status', 'version']).orderBy('id').execute()).toEqual(statusBefore)
  failMonthly = undefined
  const { run } = await app().ctx.services.payments.run('2027-07', 'test', { pageSize: 1 })
  expect(run).toMatchObject({ month: '2027-07', paid: 3, suspended: 0 })
})

it('a change needs the console header (CSRF), and runs belong to the payments officer', async () => {
  expect((await officer.send('POST', '/staff/payment-runs', { month: '2027-07' }, { csrf: false })).status).toBe(403)
  expect((await (await staff(app, 'reviewer')).send('POST', '/staff/payment-runs', { month: '2027-07' })).status).toBe(403)
  expect((await (await staff(app, 'bureau-hr')).send('POST', '/staff/payment-runs', { month: '2027-07' })).status).toBe(403)
  expect((await officer.get('/staff/payment-runs/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  expect((await officer.get('/staff/applications/ZZ2026113099999/ledger')).status).toBe(404)
})
