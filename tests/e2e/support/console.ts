/**
 * The staff console (/admin/) in a desktop browser: a context of 1440×900 CSS px, signing in as a
 * development staff account, screenshots named by page, and axe-core's verdict on each page.
 * Also filing an application through the applicant API (no browser), which is where a reviewer's
 * work starts.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { applicantSession } from './api'
import type { RunningBrowser } from './browser'
import type { DemoPerson } from '../../../packages/server/src/registry/demo-people'
import { SCREENSHOT_DIR } from './paths'

export const DESKTOP = { width: 1440, height: 900 }
export const DEV_STAFF_PASSWORD = 'zhihui-dev-2026'
export const CONSOLE_SCREENSHOT_DIR = join(SCREENSHOT_DIR, 'console')

export interface Desk {
  context: BrowserContext
  page: Page
  /** Uncaught page errors (a broken page), as they happen. */
  pageErrors: string[]
  /** Console errors, e.g. the browser's own line for every 401/403/409 answer: printed, not failed on. */
  consoleErrors: string[]
}

/** A staff member's desktop browser: 1440×900, China's locale and time zone, downloads allowed. */
export async function newDesk(chromium: RunningBrowser): Promise<Desk> {
  const context = await chromium.browser.newContext({
    viewport: DESKTOP,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  })
  const page = await context.newPage()
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} @ ${message.location().url}`)
  })
  return { context, page, pageErrors, consoleErrors }
}

export const consoleUrl = (origin: string, path = '/'): string => `${origin}/admin${path}`

/** The console's path now, without /admin: `/applications/ZZ2026…`, `/sign-in?next=…`. */
export function consolePath(page: Page): string {
  const url = new URL(page.url())
  return `${url.pathname.replace(/^\/admin/, '') || '/'}${url.search}`
}

/** Fills the sign-in form and sends it (the page must be the sign-in page). */
export async function fillSignIn(page: Page, username: string, password = DEV_STAFF_PASSWORD): Promise<void> {
  await page.locator('#sign-in_username').fill(username)
  await page.locator('#sign-in_password').fill(password)
  await page.locator('form[id="sign-in"] button[type="submit"]').click()
}

/**
 * Opens a console page and waits for `ready` on it; when the console asks to sign in first (no
 * session yet, or one that expired when the server's clock moved), signs in as `username`, which
 * brings the console back to the page.
 */
export async function openAs(page: Page, url: string, username: string, ready: Locator): Promise<void> {
  await page.goto(url)
  const form = page.locator('#sign-in_username')
  await form.or(ready).first().waitFor()
  if (await form.isVisible()) {
    await fillSignIn(page, username)
    await ready.waitFor()
  }
}

/** Opens the sign-in page, signs in and waits for the console's shell (its side menu). */
export async function signIn(page: Page, origin: string, username: string): Promise<void> {
  await page.goto(consoleUrl(origin, '/sign-in'))
  await page.locator('#sign-in_username').waitFor()
  await fillSignIn(page, username)
  try {
    await page.locator('nav[aria-label="主菜单"]').waitFor({ timeout: 30_000 })
  } catch (error) {
    const text = await page.locator('body').innerText().catch(() => '')
    throw new Error(`signing in as ${username} did not reach the console (at ${page.url()}): ${text.replace(/\s+/g, ' ').slice(0, 400)}`, { cause: error })
  }
}

/**
 * Waits until the page has stopped moving: no request in flight for a moment, no antd spinner or
 * skeleton, no running finite animation (a modal's zoom, a message sliding in).
 */
export async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
  await page.waitForFunction(
    () => {
      const busy = document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading')
      const still = document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
      return busy === null && still
    },
    undefined,
    { timeout: 15_000 },
  )
}

/** A screenshot of the console at 1440×900, named by page: tests/e2e/screenshots/console/<name>.png. */
export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(CONSOLE_SCREENSHOT_DIR, { recursive: true })
  const path = join(CONSOLE_SCREENSHOT_DIR, `${name}.png`)
  await quiet(page)
  await page.screenshot({ path })
  return path
}

export interface AxeFinding {
  page: string
  id: string
  impact: string
  help: string
  nodes: string[]
}

/** axe-core on the page as it is now: every violation, with where it is. */
export async function axe(page: Page, name: string): Promise<AxeFinding[]> {
  await quiet(page)
  const result = await new AxeBuilder({ page })
    // One page, no frames of other origins: axe.run in the page itself, rather than a partial run
    // per frame finished in a new page (which costs seconds a page on two busy cores).
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze()
  // Proof that axe looked at the page at all: the rules it found something to check with.
  const applied = result.passes.length + result.violations.length + result.incomplete.length
  if (applied < 10) throw new Error(`axe applied only ${applied} rules to ${name}: did it run on the page?`)
  return result.violations.map((v) => ({
    page: name,
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  }))
}

/** A certificate-like JPEG of 1600×1200 with its title on it (the server takes ≥ 300 px, ≤ 5 MB). */
export async function certificatePhoto(title: string, serial: number): Promise<Buffer> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">` +
      `<rect width="1600" height="1200" fill="#cfc6b4"/>` +
      `<rect x="120" y="120" width="1360" height="960" rx="24" fill="#f6f1e6" stroke="#7a5" stroke-width="8"/>` +
      `<text x="200" y="300" font-size="90" fill="#b22" font-family="sans-serif">${title}</text>` +
      Array.from({ length: 6 }, (_, i) => `<text x="200" y="${460 + i * 100}" font-size="48" fill="#333" font-family="sans-serif">证件内容 第${i + 1}行 No.${serial}${i}0415</text>`).join('') +
      `</svg>`,
  )
  return sharp(svg).jpeg({ quality: 85 }).toBuffer()
}

/** The form an employed bachelor graduate of last year, settled in 金水区 after graduating, sends. */
export function eligibleForm(today: string) {
  const lastYear = Number(today.slice(0, 4)) - 1
  return {
    facts: {
      education: 'bachelor',
      graduationDate: `${lastYear}-06-30`,
      overseasReturnee: false,
      hukou: { inZhengzhou: true, district: '金水区', settledOn: `${lastYear}-08-15` },
      employment: { kind: 'employed', employer: '郑州云帆软件科技有限公司' },
    },
    details: {
      mobile: '13803711234',
      school: '郑州大学',
      major: '软件工程',
      graduationCertificateNo: `104591${lastYear}05001234`,
      degreeCertificateNo: `104594${lastYear}001234`,
    },
  }
}

export interface Filed {
  applicationNo: string
  /** The H5 development code of this applicant: a phone that keeps it is the same applicant. */
  code: string
  employer: string
  kinds: string[]
}

/**
 * An applicant files through the applicant API alone: session (an H5 development code), card
 * binding, the form, a photo for every required document, submit. Answers the application number.
 */
export async function fileThroughApi(api: string, person: Pick<DemoPerson, 'name' | 'idNumber' | 'cardNumber'>, today: string): Promise<Filed> {
  const code = `h5-e2e-console-${Date.now().toString(36)}`
  const session = await applicantSession(api, code)
  const must = async (what: string, answer: Promise<{ status: number; body: Record<string, unknown> }>) => {
    const { status, body } = await answer
    if (status !== 200) throw new Error(`${what} → ${status}: ${JSON.stringify(body)}`)
    return body
  }
  await must('bind', session.request('POST', '/card-binding', { consent: true, name: person.name, idNumber: person.idNumber, cardNumber: person.cardNumber }))
  const form = eligibleForm(today)
  const saved = await must('save', session.request('PUT', '/application', form))
  const required = (saved.application as { requiredDocuments: { kind: string; label?: string }[] }).requiredDocuments
  for (const [i, doc] of required.entries()) {
    const body = new FormData()
    body.set('kind', doc.kind)
    body.set('file', new Blob([new Uint8Array(await certificatePhoto(doc.label ?? doc.kind, i))], { type: 'image/jpeg' }), `${doc.kind}.jpg`)
    const response = await fetch(`${api}/application/photos`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, body })
    if (!response.ok) throw new Error(`upload ${doc.kind} → ${response.status}: ${await response.text()}`)
  }
  const submitted = await must('submit', session.request('POST', '/application/submit', undefined, { 'idempotency-key': `${code}-submit` }))
  return { applicationNo: submitted.applicationNo as string, code, employer: form.facts.employment.employer, kinds: required.map((d) => d.kind) }
}

/** Makes a phone context the applicant of `code` (the H5 page keeps its development code in storage, as Taro stores it). */
export async function actAsApplicant(context: BrowserContext, code: string): Promise<void> {
  await context.addInitScript((value) => {
    if (localStorage.getItem('zhihui.h5-dev-code.v1') === null) localStorage.setItem('zhihui.h5-dev-code.v1', JSON.stringify({ data: value }))
  }, code)
}

/** The applicant of `filed` replaces one photo and submits again, through the applicant API. */
export async function resubmitThroughApi(api: string, filed: Filed, kind: string, photo: Buffer): Promise<string> {
  const session = await applicantSession(api, filed.code)
  const body = new FormData()
  body.set('kind', kind)
  body.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `${kind}-retake.jpg`)
  const uploaded = await fetch(`${api}/application/photos`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, body })
  if (!uploaded.ok) throw new Error(`retake ${kind} → ${uploaded.status}: ${await uploaded.text()}`)
  const { status, body: answer } = await session.request('POST', '/application/submit', undefined, { 'idempotency-key': `${filed.code}-resubmit` })
  if (status !== 200) throw new Error(`resubmit → ${status}: ${JSON.stringify(answer)}`)
  return answer.status as string
}
