/**
 * Monthly payments end to end (design.md, "Monthly payments"), in Debian's Chromium against the
 * real server. 何晓东 (demo registry: every condition met, his pension not paid in Zhengzhou in
 * 2027-02 only) files through the applicant API, a reviewer approves him and publishes the notice
 * (Bearer API), the dev clock passes the notice and the payments officer starts paying from the
 * notice batch's page in the console (arrears from 2026-02 to 2026-12). Then the payments officer makes three monthly runs, 2027-01, 2027-02 and 2027-03, in
 * the console at 1440×900, each in its own month on the server's clock: February is suspended
 * for the unpaid pension, the others are paid. The bank file of January's run (the arrears join
 * the first run's file) is downloaded and read back with ExcelJS. Last, the applicant's 我的进度
 * at 375×667 shows the ledger, in normal and in elderly mode.
 *
 * The server's date is pinned at the start (2026-11-30), so the months, the lapse and the sums
 * are the same whatever day the suite runs on.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { applicantSession, reviewer, setServerToday } from './support/api'
import { pageText, screenshot as phoneShot, settled, shown, tap } from './support/app'
import { startBrowser, type Phone, type RunningBrowser } from './support/browser'
import { actAsApplicant, consoleUrl, fileThroughApi, newDesk, openAs, quiet, type Desk, type Filed } from './support/console'
import { addDays } from './support/dates'
import { demoPerson } from './support/journey'
import { SCREENSHOT_DIR } from './support/paths'
import { stopAll } from './support/processes'
import { startServer, type RunningServer } from './support/server'

jest.setTimeout(150_000)

const START = '2026-11-30'
/** The three runs, each made on the 5th of its month (a run of a month still to come is refused). */
const RUNS = ['2027-01', '2027-02', '2027-03'] as const
const SUSPENDED = '2027-02'
/** docs/policy.md: a bachelor's subsidy is 500 yuan a month, for 36 months. */
const MONTHLY = 500
/**
 * All conditions met in 2026-02 (12 months of pension counted at the binding on 2026-11-30: the
 * third of them paid by the end of January; tests/server/journey.test.ts has the same case), so
 * the start of paying in December owes 2026-02 … 2026-12.
 */
const FIRST_MONTH = '2026-02'

const work = mkdtempSync(join(tmpdir(), 'zhihui-e2e-payments-'))
const applicant = demoPerson('何晓东')
let server: RunningServer
let chromium: RunningBrowser
let desk: Desk | undefined
let phone: Phone | undefined
const journey: { filed?: Filed; runIds: Record<string, string> } = { runIds: {} }
const no = () => journey.filed?.applicationNo as string

/** 'YYYY-MM' → the months from `from` to `to`, both included. */
function monthRange(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1
  const months: string[] = []
  for (let i = index(from); i <= index(to); i += 1) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)
  return months
}
const chineseMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`
const ARREARS = monthRange(FIRST_MONTH, '2026-12')
const ALL_MONTHS = [...ARREARS, ...RUNS]
const PAID_MONTHS = ALL_MONTHS.filter((m) => m !== SUSPENDED)

async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await quiet(page)
  await page.screenshot({ path })
  return path
}

/** The payment runs page, signed in as `payments` (again: a staff session does not outlast a move of the clock by a month). */
async function openRuns(page: Page): Promise<void> {
  await openAs(page, consoleUrl(server.origin, '/payment-runs'), 'payments', page.locator('h1', { hasText: '按月发放' }))
  await page.locator('#payment-run-month').waitFor()
}

/**
 * Picks the month in the month picker (typing it turns the panel to its year; then a click on the
 * month's cell, as an officer would) and presses 发放; answers the alert the page shows. Not Enter:
 * Enter in the field submits the form by itself.
 */
async function runMonth(page: Page, month: string): Promise<string> {
  const input = page.locator('#payment-run-month')
  await input.click()
  await input.fill(month)
  await page.locator(`.ant-picker-dropdown:visible td[title="${month}"]`).click()
  await page.waitForFunction((m) => (document.querySelector('#payment-run-month') as HTMLInputElement | null)?.value === m, month)
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' })
  await page.getByRole('button', { name: /^发\s*放$/ }).click()
  // Success names the month in words (2027年1月), a refusal as the server wrote it (2027-01).
  const answer = page.locator('.ant-alert', { hasText: new RegExp(`${chineseMonth(month)}|${month}`) }).first()
  await answer.waitFor()
  return (await answer.innerText()).replace(/\s+/g, ' ').trim()
}

beforeAll(async () => {
  ;[server, chromium] = await Promise.all([startServer({ dataDir: join(work, 'data') }), startBrowser()])
  await setServerToday(server.api, START)
  journey.filed = await fileThroughApi(server.api, applicant, START)
}, 120_000)

afterAll(async () => {
  await desk?.context.close().catch(() => undefined)
  await phone?.context.close().catch(() => undefined)
  await chromium?.stop()
  await server?.stop()
  await stopAll()
  rmSync(work, { recursive: true, force: true })
})

afterEach(() => {
  // An uncaught error on a page is a defect staff or the applicant would meet. The browser's own
  // console line for a 401 (the expired staff session after a month) is expected and only printed.
  const noise = desk?.consoleErrors.splice(0) ?? []
  if (noise.length > 0) console.log(`console errors (printed, not failed on):\n${noise.join('\n')}`)
  const problems = [...(desk?.pageErrors.splice(0) ?? []), ...(phone?.problems.splice(0) ?? []).filter((p) => !/favicon\.ico/.test(p))]
  expect(problems).toEqual([])
})

test('approved, noticed, the notice ends and the officer starts paying in the console: the arrears from 2026-02 to 2026-12, all paid', async () => {
  const rev = reviewer(server.api)
  expect((await rev.decide(no(), { decision: 'approve' })).status).toBe('public-notice')
  const { batch } = await rev.publishNotice([no()])
  expect(batch.start).toBe(START)
  await setServerToday(server.api, addDays(batch.end, 1))

  // The notice batch's page, as the payments officer: 公示结束，开始发放, confirmed.
  desk = await newDesk(chromium)
  const page = desk.page
  const start = page.getByRole('button', { name: '公示结束，开始发放（1 件）' })
  await openAs(page, consoleUrl(server.origin, `/notices/${batch.id}`), 'payments', start)
  await start.click()
  await page.getByRole('dialog').getByRole('button', { name: '开始发放' }).click()
  await page.getByText('已有 1 件申请开始发放', { exact: false }).waitFor()
  await start.waitFor({ state: 'detached' })
  await shot(page, 'payments-console-notice-started')

  const detail = await rev.detail(no())
  expect(detail.status).toBe('paying')
  expect(detail.entitlement).toEqual({
    monthlyYuan: MONTHLY,
    months: 36,
    firstMonth: FIRST_MONTH,
    paidMonths: ARREARS.length,
    paidYuan: ARREARS.length * MONTHLY,
    lastMonth: '2029-01',
    nextMonth: '2027-01',
  })
  expect(detail.payments.map((l) => `${l.month} ${l.status} ${l.amountYuan}`)).toEqual(ARREARS.map((m) => `${m} paid ${MONTHLY}`))
})

test('the payments officer makes three monthly runs in the console; February is suspended for the unpaid pension', async () => {
  desk ??= await newDesk(chromium)
  const page = desk.page
  const answers: string[] = []
  for (const month of RUNS) {
    await setServerToday(server.api, `${month}-05`)
    await openRuns(page)
    answers.push(await runMonth(page, month))
  }
  console.log(`run answers:\n${answers.join('\n')}`)
  // January: its own month and the eleven arrears lines the start of paying decided (they join
  // the next run's bank file). February: one suspended month. March: one paid month.
  // The counts are lines (one person's one month), which the page counts in 笔.
  const counts = answers.map((a) => /^(\d{4}年\d{1,2}月)批次完成：发放 (\d+) 笔，暂停 (\d+) 笔（每人每月一笔），共 (¥[\d,]+)。/.exec(a)?.slice(1))
  expect(counts).toEqual([
    ['2027年1月', String(ARREARS.length + 1), '0', `¥${((ARREARS.length + 1) * MONTHLY).toLocaleString('zh-CN')}`],
    ['2027年2月', '0', '1', '¥0'],
    ['2027年3月', '1', '0', `¥${MONTHLY}`],
  ])

  // The same month again changes nothing and says so (on a fresh page: no earlier answer shown).
  await openRuns(page)
  const again = await runMonth(page, '2027-03')
  expect(again).toContain('2027-03已发放过')
  expect(again).toContain('本次未作任何改动')

  const rows = page.locator('.ant-table-tbody tr.ant-table-row')
  await rows.nth(2).waitFor()
  const table = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
  expect(table).toHaveLength(3)
  expect(table[0]).toContain('2027年3月')
  expect(table[1]).toMatch(/2027年2月 0 1 ¥0 staff:payments/)
  expect(table[2]).toContain(`2027年1月 ${ARREARS.length + 1} 0 ¥${((ARREARS.length + 1) * MONTHLY).toLocaleString('zh-CN')}`)
  // Park the pointer off the table, so no hover colours a row in the shot.
  await page.mouse.move(1400, 880)
  await shot(page, 'payments-console-runs')

  const runs = (await (await fetchAsOfficer(page, '/staff/payment-runs')).json()) as { runs: { id: string; month: string }[] }
  for (const run of runs.runs) journey.runIds[run.month] = run.id
  expect(Object.keys(journey.runIds).sort()).toEqual([...RUNS])

  // February's run: the one suspended line, with the registry's reason.
  await page.getByRole('link', { name: '2027年2月' }).click()
  await page.locator('h1', { hasText: '发放批次 2027年2月' }).waitFor()
  const line = page.locator('.ant-table-tbody tr', { hasText: no() })
  await line.waitFor()
  const lineText = (await line.innerText()).replace(/\s+/g, ' ')
  expect(lineText).toContain(applicant.name)
  expect(lineText).toContain('暂停')
  expect(lineText).toContain('2027年2月当月未在郑州市域内按时缴纳养老保险')
  await shot(page, 'payments-console-run-2027-02')
})

/** A request with the officer's console session (its cookie), for what the test reads beside the page. */
async function fetchAsOfficer(page: Page, path: string) {
  const response = await page.context().request.get(`${server.api}${path}`)
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`)
  return { json: () => response.json() as Promise<unknown> }
}

test('the bank file of January’s run, downloaded from the console: one row per paid line, amounts right', async () => {
  const page = (desk as Desk).page
  await page.goto(consoleUrl(server.origin, `/payment-runs/${journey.runIds['2027-01']}`))
  await page.locator('h1', { hasText: '发放批次 2027年1月' }).waitFor()
  await page.locator('.ant-table-tbody tr', { hasText: no() }).first().waitFor()
  await page.mouse.move(1400, 880)
  await shot(page, 'payments-console-run-2027-01')

  const downloading = page.waitForEvent('download', { timeout: 30_000 })
  await page.getByRole('link', { name: /下载银行代发文件（Excel）/ }).or(page.getByRole('button', { name: /下载银行代发文件（Excel）/ })).first().click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('代发_2027-01.xlsx')
  const file = join(work, 'bank-2027-01.xlsx')
  await download.saveAs(file)

  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new Error('the bank file has no sheet')
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
  expect(values(1)).toEqual(['姓名', '社会保障卡号', '金额（元）', '发放月份', '申请编号'])
  const rows: unknown[][] = []
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1))
  })
  const expected = [...ARREARS, '2027-01'].map((month) => [applicant.name, applicant.cardNumber, MONTHLY, month, no()])
  expect(rows).toEqual(expected)
  // The money the bank is told to pay is the money the run says it paid.
  const total = rows.reduce((sum, row) => sum + Number(row[2]), 0)
  expect(total).toBe((ARREARS.length + 1) * MONTHLY)

  // February's file has its header and no row: a suspended month is not paid.
  const february = await page.context().request.get(`${server.api}/staff/payment-runs/${journey.runIds['2027-02']}/bank-file.xlsx`)
  expect(february.status()).toBe(200)
  const feb = new ExcelJS.Workbook()
  await feb.xlsx.load((await february.body()) as unknown as ArrayBuffer)
  expect(feb.worksheets[0]?.actualRowCount).toBe(1)
})

/** The ledger as the progress page shows it: summary rows and one entry a month. */
async function readLedger(page: Page) {
  const summary = shown(page, '[data-testid="ledger-summary"]')
  await summary.waitFor()
  const rows = await summary.locator('.info-row').evaluateAll((els) =>
    els.map((el) => [el.querySelector('.info-row__label')?.textContent?.trim() ?? '', el.querySelector('.info-row__value')?.textContent?.trim() ?? '']),
  )
  const lines = await shown(page, '[data-testid="ledger"] .ledger__line').evaluateAll((els) =>
    els.map((el) => ({
      month: el.getAttribute('data-month') ?? '',
      // Month and amount as two words apart (textContent would run them together).
      head: [el.querySelector('.ledger__month')?.textContent ?? '', el.querySelector('.ledger__amount')?.textContent ?? ''].map((t) => t.trim()).join(' '),
      reason: el.querySelector('.ledger__reason')?.textContent?.trim() ?? null,
    })),
  )
  return { summary: Object.fromEntries(rows) as Record<string, string>, lines }
}

test('the applicant’s 我的进度 at 375×667 shows the ledger: 13 of 36 months, the total, every month, the suspension, the next month', async () => {
  // What the API says, to hold the page to: the same reason words, the same sums.
  const session = await applicantSession(server.api, journey.filed?.code as string)
  const { body } = await session.request('GET', '/application')
  const api = body as { entitlement: { paidMonths: number; paidYuan: number; nextMonth: string }; payments: { month: string; status: string; amountYuan: number; reason?: string }[] }
  expect(api.entitlement).toMatchObject({ paidMonths: PAID_MONTHS.length, paidYuan: PAID_MONTHS.length * MONTHLY, nextMonth: '2027-04' })
  const reason = api.payments.find((p) => p.month === SUSPENDED)?.reason ?? ''
  expect(reason).toBe('2027年2月当月未在郑州市域内按时缴纳养老保险。该月补贴不发放，以后也不补发，发放期限不顺延。')

  phone = await chromium.newPhone()
  await actAsApplicant(phone.context, journey.filed?.code as string)
  const page = phone.page
  await page.goto(server.origin)
  await shown(page, '#entry-progress').waitFor()
  await tap(page, '#entry-progress')
  const ledger = await readLedger(page)
  console.log(`ledger on the phone: ${JSON.stringify(ledger.summary)}\n${ledger.lines.map((l) => `${l.head}${l.reason ? ` — ${l.reason}` : ''}`).join('\n')}`)

  expect(ledger.summary).toEqual({
    发放进度: `已发放 ${PAID_MONTHS.length} / 36 个月`,
    累计发放: `${(PAID_MONTHS.length * MONTHLY).toLocaleString('zh-CN')}元`,
    下次发放: '2027年4月',
  })
  expect(PAID_MONTHS.length).toBe(13)
  expect(ledger.summary.累计发放).toBe('6,500元')
  expect(ledger.lines.map((l) => l.month)).toEqual(ALL_MONTHS)
  for (const line of ledger.lines) {
    if (line.month === SUSPENDED) {
      expect(line.head).toBe(`${chineseMonth(line.month)} ✗ 未发放`)
      expect(line.reason).toBe(reason)
    } else {
      expect(line.head).toBe(`${chineseMonth(line.month)} ✓ 已发放 ${MONTHLY}元`)
      expect(line.reason).toBeNull()
    }
  }
  const text = await pageText(page)
  expect(text).toContain('补贴发放明细')
  expect(text).toContain('每月500元，自2026年2月起，共36个月')
  expect(text).not.toContain(applicant.idNumber)

  // The whole page, and the first screen as the applicant opens it.
  await phoneShot(page, 'payments-progress-ledger')
  await settled(page)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'payments-progress-first-screen.png') })

  // The words and the sums, not only their colour: each line's amount is inside the viewport's width.
  const overflow = await shown(page, '[data-testid="ledger"] .ledger__head').evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth).length,
  )
  expect(overflow).toBe(0)
})

test('in elderly mode (长辈模式) the ledger is the same, in larger type, and still fits the phone', async () => {
  const page = (phone as Phone).page
  const normalSize = await shown(page, '[data-testid="ledger"] .ledger__month').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await page.goto(server.origin)
  await shown(page, '#switch-elderly').waitFor()
  await tap(page, '#switch-elderly')
  await shown(page, '.page--elderly').first().waitFor()
  await tap(page, '#entry-progress')
  await shown(page, '.page--elderly [data-testid="ledger"]').waitFor()
  const ledger = await readLedger(page)
  expect(ledger.summary.发放进度).toBe('已发放 13 / 36 个月')
  expect(ledger.summary.累计发放).toBe('6,500元')
  expect(ledger.summary.下次发放).toBe('2027年4月')
  expect(ledger.lines).toHaveLength(ALL_MONTHS.length)
  expect(ledger.lines.find((l) => l.month === SUSPENDED)?.head).toBe('2027年2月 ✗ 未发放')
  const elderlySize = await shown(page, '[data-testid="ledger"] .ledger__month').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  console.log(`ledger month type: ${normalSize}px normal, ${elderlySize}px elderly`)
  expect(elderlySize).toBeGreaterThan(normalSize)
  const overflow = await shown(page, '[data-testid="ledger"] .ledger__head, [data-testid="ledger-summary"] .info-row').evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth).length,
  )
  expect(overflow).toBe(0)
  await phoneShot(page, 'payments-progress-ledger-elderly')
})
