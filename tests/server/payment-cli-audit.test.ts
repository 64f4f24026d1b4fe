/**
 * Two gaps of monthly payments closed: the reviewers' Bearer API shows an application's whole
 * ledger (GET /review/applications/:no answers the entitlement and every month as GET
 * /application does), and the CLI's pay-run, stop, resume and notice are written to the audit
 * log as a named actor, like the console's. Runs on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { userInfo } from 'node:os'
import { runReviewCommand } from '../../packages/server/src/cli/review-commands'
import { createMemoryRegistry } from '../../packages/server/src/registry'
import { login, readyApplicant, reviewer } from './helpers/client'
import { testPerson, testRegistry } from './helpers/people'
import { staff } from './helpers/staff'
import { startTestApp, type TestApp } from './helpers/test-app'

jest.setTimeout(60_000)

/** Pension not paid in Zhengzhou in 2026-09: that month is suspended in the arrears. */
const PERSON = testPerson(610, { lapses: { '2026-09': { pensionPaid: false } } })
const CLI_ACTOR = `reviewer-cli:${userInfo().username}`

let t: TestApp
const app = () => t.app
let no: string

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = []
  const code = await runReviewCommand(argv, t.app.ctx, (line) => lines.push(line))
  return { code, text: lines.join('\n') }
}

const auditRows = (action: string) =>
  app().ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute()

beforeAll(async () => {
  t = await startTestApp({ build: { registry: createMemoryRegistry([...testRegistry(), PERSON]) } })
  const applicant = await readyApplicant(app, 'cli-audit', PERSON)
  const submitted = await applicant.submit('cli-audit-submit')
  if (submitted.status !== 200) throw new Error(JSON.stringify(submitted.body))
  no = submitted.body.applicationNo as string
  expect((await cli('approve', no)).code).toBe(0)
})
afterAll(() => t.close())

it('the CLI’s notice is audited as the named CLI actor', async () => {
  const notice = await cli('--today', '2026-11-30', 'notice', no)
  expect(notice.code).toBe(0)
  const [row] = await auditRows('notice-create')
  expect(row).toMatchObject({ actor: CLI_ACTOR, actor_name: null, actor_bureau: null, ip: null })
  expect(JSON.parse(row?.detail_json ?? '{}')).toEqual({ applicationNos: [no] })
})

it('GET /review/applications/:no shows the whole ledger once paying, the same as the applicant reads it', async () => {
  const before = await reviewer(app).get(`/review/applications/${no}`)
  expect(before.status).toBe(200)
  expect(before.body.entitlement).toBeUndefined()

  expect((await cli('--today', '2026-12-31', 'pay', no)).code).toBe(0)
  const seen = await reviewer(app).get(`/review/applications/${no}`)
  expect(seen.status).toBe(200)
  // 2026-02 … 2026-12 decided at the start of paying, September suspended for the pension.
  expect(seen.body.entitlement).toEqual({ monthlyYuan: 500, months: 36, firstMonth: '2026-02', paidMonths: 10, paidYuan: 5000, lastMonth: '2029-01', nextMonth: '2027-01' })
  const lines = seen.body.payments as { month: string; amountYuan: number; status: string; reason?: string; at: string }[]
  expect(lines.map((l) => `${l.month} ${l.status} ${l.amountYuan}`)).toEqual([
    '2026-02 paid 500',
    '2026-03 paid 500',
    '2026-04 paid 500',
    '2026-05 paid 500',
    '2026-06 paid 500',
    '2026-07 paid 500',
    '2026-08 paid 500',
    '2026-09 suspended 0',
    '2026-10 paid 500',
    '2026-11 paid 500',
    '2026-12 paid 500',
  ])
  expect(lines[7]?.reason).toContain('2026年9月当月未在郑州市域内按时缴纳养老保险')

  // Exactly what the applicant's own view says.
  const own = (await (await login(app, 'cli-audit')).get('/application')).body
  expect(seen.body.entitlement).toEqual(own.entitlement)
  expect(seen.body.payments).toEqual(own.payments)
  // Still the reviewers' view: masked numbers only.
  expect(JSON.stringify(seen.body)).not.toContain(PERSON.idNumber)
})

it('the CLI’s pay-run, stop and resume write audit rows like the console’s, which the HR bureau reads', async () => {
  const run = await cli('--today', '2027-01-05', 'pay-run', '2027-01')
  expect(run.code).toBe(0)
  const [runRow, ...moreRuns] = await auditRows('payment-run')
  expect(moreRuns).toHaveLength(0)
  expect(runRow).toMatchObject({ actor: CLI_ACTOR, actor_name: null, actor_bureau: null, target: '2027-01', ip: null })
  // The run's summary, as the console's row carries it (the ten arrears lines and the 2026-09 one
  // joined this first run, and January), and the run itself names the same actor.
  expect(JSON.parse(runRow?.detail_json ?? '{}')).toMatchObject({ month: '2027-01', paid: 11, suspended: 1, totalYuan: 5500, createdBy: CLI_ACTOR })

  // A refused run changes nothing and writes no row.
  expect((await cli('pay-run', '2027-01')).code).toBe(1)
  expect(await auditRows('payment-run')).toHaveLength(1)
  // A stop without a reason is refused and not audited either.
  expect((await cli('stop', no)).code).toBe(1)
  expect(await auditRows('payment-stop')).toHaveLength(0)

  expect((await cli('stop', no, '--reason', '经核查已离开郑州工作')).code).toBe(0)
  expect((await cli('resume', no, '--reason', '复核后确认仍在郑工作')).code).toBe(0)
  const [stopRow] = await auditRows('payment-stop')
  const [resumeRow] = await auditRows('payment-resume')
  expect(stopRow).toMatchObject({ actor: CLI_ACTOR, target: no })
  expect(JSON.parse(stopRow?.detail_json ?? '{}')).toEqual({ reason: '经核查已离开郑州工作' })
  expect(resumeRow).toMatchObject({ actor: CLI_ACTOR, target: no })
  expect(JSON.parse(resumeRow?.detail_json ?? '{}')).toEqual({ reason: '复核后确认仍在郑工作' })

  // The history names the same actor as the audit log.
  const detail = await reviewer(app).get(`/review/applications/${no}`)
  const history = detail.body.history as { event: string; actor: string }[]
  expect(history.filter((h) => h.event === 'stop' || h.event === 'resume').map((h) => h.actor)).toEqual([CLI_ACTOR, CLI_ACTOR])

  // The subsidy's supervisor (人社局) reads the CLI's rows in the console's audit log.
  const hr = await staff(app, 'bureau-hr')
  for (const action of ['payment-run', 'payment-stop', 'payment-resume']) {
    const listed = await hr.get(`/staff/audit?action=${action}`)
    expect(listed.status).toBe(200)
    expect((listed.body.items as { actor: string }[]).map((i) => i.actor)).toEqual([CLI_ACTOR])
  }
})

it('a stopped application’s ledger on the Bearer API carries the stop and its reason', async () => {
  expect((await cli('stop', no, '--reason', '本人申请停止发放')).code).toBe(0)
  const seen = await reviewer(app).get(`/review/applications/${no}`)
  expect(seen.body.status).toBe('stopped')
  expect(seen.body.stop).toEqual({ reason: '本人申请停止发放', at: expect.any(String) })
  expect((seen.body.entitlement as { paidMonths: number }).paidMonths).toBe(11)
})
