/**
 * Debian's Chromium, started by the suite itself (so it is stopped by its own PID) with a fresh
 * profile in a temp dir, and driven over CDP by playwright-core. Each applicant gets a context of
 * their own: a phone of 375×667 CSS px at 2× with touch, in China's time zone.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM } from './paths'
import { stopProcess, track, waitUntil } from './processes'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A mid-range Android phone: the H5 image picker asks "camera or album" only on a mobile user agent. */
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'

export const PHONE = { width: 375, height: 667 }

export interface Phone {
  context: BrowserContext
  page: Page
  /** Page errors and console errors seen so far (an applicant would see a broken page). */
  problems: string[]
}

export interface RunningBrowser {
  pid: number
  browser: Browser
  newPhone: () => Promise<Phone>
  stop: () => Promise<void>
}

export async function startBrowser(): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'zhihui-e2e-chromium-'))
  const child = track(
    spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  )
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  let endpoint: string | undefined
  await waitUntil(() => {
    endpoint = /DevTools listening on (ws:\/\/\S+)/.exec(stderr)?.[1]
    return endpoint !== undefined || child.exitCode !== null
  }, 20_000)
  if (endpoint === undefined) {
    await stopProcess(child)
    rmSync(profile, { recursive: true, force: true })
    throw new Error(`Chromium did not start:\n${stderr}`)
  }
  const browser = await chromium.connectOverCDP(endpoint)
  const pid = child.pid as number

  async function newPhone(): Promise<Phone> {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: PHONE_UA,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} @ ${message.location().url}`)
    })
    return { context, page, problems }
  }

  async function stop(): Promise<void> {
    // SIGTERM first, while Chromium's helpers (zygote, renderers) are still its children, so
    // stopProcess can note and reap them too; then the client side lets go of the connection.
    await stopProcess(child)
    await browser.close().catch(() => undefined)
    rmSync(profile, { recursive: true, force: true })
  }

  return { pid, browser, newPhone, stop }
}
