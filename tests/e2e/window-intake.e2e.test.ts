/**
 * Window intake (窗口受理) end to end, in Debian's Chromium against the real server: a 金水区
 * window clerk (clerk-jinshui) files an overseas returnee from the demo registry (周明轩, whom the
 * mini-program sends to a window) in the console at 1440×900: a wrong card number first (the item
 * is named), then the form drawn from FORM_FIELDS, the originals uploaded through each document's
 * file input, submit; the 业务办理回执 is printed to PDF and its text read back with pdftotext
 * (application number, clerk); the clerk records the signature; a reviewer approves (staff review
 * API); the same person binds the same card in the H5 build on a phone and sees the window
 * application read-only, with the window's address, and its progress. Screenshots of the intake
 * form and the receipt go to tests/e2e/screenshots/console/.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { districtWindow } from '@zhihui/core'
import { reviewer, serverToday } from './support/api'
import { pageText, screenshot as phoneShot, shown, tap } from './support/app'
import { startBrowser, type Phone, type RunningBrowser } from './support/browser'
import { certificatePhoto, consolePath, newDesk, quiet, shoot, signIn, type Desk } from './support/console'
import { bindCard, demoPerson } from './support/journey'
import { stopAll } from './support/processes'
import { startServer, type RunningServer } from './support/server'

jest.setTimeout(180_000)

const work = mkdtempSync(join(tmpdir(), 'zhihui-e2e-window-intake-'))
const returnee = demoPerson('周明轩')
const CLERK = { username: 'clerk-jinshui', name: '窗口经办王芳' }
const WINDOW = districtWindow('金水区')
let server: RunningServer
let chromium: RunningBrowser
let desk: Desk | undefined
let phone: Phone | undefined
const state: { no?: string } = {}

beforeAll(async () => {
  ;[server, chromium] = await Promise.all([startServer({ dataDir: join(work, 'data') }), startBrowser()])
}, 90_000)

afterAll(async () => {
  await desk?.context.close().catch(() => undefined)
  await phone?.context.close().catch(() => undefined)
  await chromium?.stop()
  await server?.stop()
  await stopAll()
  rmSync(work, { recursive: true, force: true })
})

afterEach(() => {
  const errors = desk?.pageErrors.splice(0) ?? []
  const noise = desk?.consoleErrors.splice(0) ?? []
  if (noise.length > 0) console.log(`console errors (printed, not failed on):\n${noise.join('\n')}`)
  const problems = (phone?.problems.splice(0) ?? []).filter((p) => !/favicon\.ico/.test(p))
  expect([...errors, ...problems]).toEqual([])
})

const page = () => (desk as Desk).page

/** An antd Select: open it and click the option with these words. */
async function select(id: string, label: string): Promise<void> {
  await page().locator(`#field-${id}`).click()
  await page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first().click()
}

/** An antd DatePicker: type the date, confirm with Enter. */
async function date(id: string, iso: string): Promise<void> {
  const input = page().locator(`#field-${id}`)
  await input.click()
  await input.fill(iso)
  await input.press('Enter')
  await page().keyboard.press('Escape')
}

test('a window clerk files an overseas returnee: registry check, the form from FORM_FIELDS, the originals, submit', async () => {
  desk = await newDesk(chromium)
  await signIn(page(), server.origin, CLERK.username)
  await page().locator('nav[aria-label="主菜单"]').getByText('窗口受理').click()
  await page().locator('#intake_name').waitFor()
  expect(consolePath(page())).toBe('/window-intake')

  // A card number that is not the registry's: the item is named, nothing is created.
  await page().locator('#intake_name').fill(returnee.name)
  await page().locator('#intake_idNumber').fill(returnee.idNumber)
  await page().locator('#intake_cardNumber').fill('A41010099')
  await page().getByRole('button', { name: /核验并开始受理/ }).click()
  await page().getByText('核验不一致：社会保障卡卡号', { exact: true }).waitFor()
  expect(consolePath(page())).toBe('/window-intake')
  await shoot(page(), 'window-intake-01-mismatch')

  await page().locator('#intake_cardNumber').fill(returnee.cardNumber)
  await page().getByRole('button', { name: /核验并开始受理/ }).click()
  await page().waitForURL(/\/admin\/window-intake\/ZZ\d+/)
  const no = consolePath(page()).split('/').pop() as string
  state.no = no
  await page().locator('#field-education').waitFor()

  const lastYear = Number((await serverToday(server.api)).slice(0, 4)) - 1
  await select('education', '硕士研究生')
  await page().locator('#field-school').fill('莫纳什大学')
  await page().locator('#field-major').fill('金融学')
  await date('graduationDate', `${lastYear}-06-30`)
  await page().locator('#field-graduationCertificateNo').fill('CSCSE2025001234')
  await page().locator('#field-degreeCertificateNo').fill('CSCSE2025001234')
  await page().locator('#field-overseasReturnee').click()
  await select('hukouDistrict', '金水区')
  await date('hukouSettledOn', `${lastYear}-08-15`)
  await page().locator('#field-employmentKind').getByText('在郑州工作').click()
  await page().locator('#field-employer').fill('郑州云帆软件科技有限公司')
  await page().locator('#field-mobile').fill('13903712345')
  await page().getByRole('button', { name: /保\s*存/ }).click()
  await page().getByText('已保存。').waitFor()

  // The originals core lists for a returnee at a window (no 学信网 code given: the report too).
  const kinds = await page().locator('.intake-original').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))
  expect(kinds).toEqual(['id-card', 'hukou', 'social-security-card', 'graduation-certificate', 'degree-certificate', 'student-record-report'])
  for (const [i, kind] of kinds.entries()) {
    await page()
      .locator(`[data-testid="original-file-${kind}"]`)
      .setInputFiles({ name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: await certificatePhoto(`原件 ${kind}`, i) })
    await page().locator(`.intake-original[data-kind="${kind}"]`).getByText('已拍摄').waitFor()
  }
  await page().locator('.intake-original-preview').nth(kinds.length - 1).waitFor()
  await page().evaluate(() => window.scrollTo(0, 0))
  await shoot(page(), 'window-intake-02-form')

  await page().getByRole('button', { name: /提交申请/ }).click()
  await page().locator('iframe[title="业务办理回执"]').waitFor()
  const receipt = page().frameLocator('iframe[title="业务办理回执"]')
  await receipt.getByText(no).first().waitFor()
  await page().evaluate(() => window.scrollTo(0, 0))
  await shoot(page(), 'window-intake-03-receipt')
})

test('the 业务办理回执 prints to a PDF that carries the application number and the clerk', async () => {
  const no = state.no as string
  const print = await (desk as Desk).context.newPage()
  await print.goto(`${server.origin}/api/v1/staff/window-applications/${no}/receipt`)
  await print.emulateMedia({ media: 'print' })
  const pdf = join(work, 'receipt.pdf')
  await print.pdf({ path: pdf, format: 'A4', printBackground: true })
  await print.close()
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  console.log(`receipt PDF text:\n${text}`)
  expect(text).toContain(no)
  expect(text).toContain(CLERK.name)
  expect(text).toContain('业务办理回执')
})

test('the clerk records the signature; a reviewer approves', async () => {
  const no = state.no as string
  await page().getByRole('button', { name: /申请人已签字/ }).click()
  await page().getByText(/申请人已于 .* 签字确认/).waitFor()
  await quiet(page())
  await shoot(page(), 'window-intake-04-signed')

  const staff = reviewer(server.api)
  expect((await staff.detail(no)).status).toBe('submitted')
  const decided = await staff.decide(no, { decision: 'approve' })
  expect(decided.status).toBe('public-notice')
})

test('the same person binds the card in the H5 build and follows the window application, read-only, with the window’s address', async () => {
  const no = state.no as string
  phone = await chromium.newPhone()
  const p = phone.page
  await p.goto(server.origin)
  await shown(p, '#entry-apply').waitFor()
  await tap(p, '#entry-apply')
  await bindCard(p, returnee)
  await phoneShot(p, 'window-intake-h5-bound')

  // Its progress: the number the receipt carries, and where it stands after the reviewer's approval.
  await p.goto(server.origin)
  await shown(p, '#entry-progress').waitFor()
  await tap(p, '#entry-progress')
  await shown(p, 'text=申请编号').first().waitFor()
  const progress = await pageText(p)
  await phoneShot(p, 'window-intake-h5-progress')
  expect(progress).toContain(no)
  expect(progress).toContain('公示中')

  // The form, as the window filed it: read-only, with where to go for a change. (The progress page
  // itself does not show the window's address; the information page does, once the app knows the
  // window filed it.)
  await p.goto(`${server.origin}/pages/apply/info/index`)
  await shown(p, `text=本申请由${WINDOW.unit}人才服务窗口代为办理`).first().waitFor()
  const info = await pageText(p)
  await phoneShot(p, 'window-intake-h5-info-read-only')
  expect(info).toContain(WINDOW.address)
  expect(info).toContain(WINDOW.phone)
  expect(info).toContain('莫纳什大学')
})
