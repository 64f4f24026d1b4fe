/**
 * Driving the Taro H5 build the way a thumb does: taps, typing, dragging picker columns. Taro keeps
 * earlier pages of the stack in the DOM (hidden), so every lookup takes only visible elements.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession, Locator, Page } from 'playwright-core'
import { PHONE } from './browser'
import { SCREENSHOT_DIR } from './paths'

export const shown = (page: Page, selector: string): Locator => page.locator(selector).filter({ visible: true })

export async function tap(page: Page, selector: string): Promise<void> {
  await shown(page, selector).first().tap()
}

/** Types into a text field (TextField `name`) and leaves it, which is when the app checks it. */
export async function type(page: Page, name: string, value: string): Promise<void> {
  const input = shown(page, `#input-${name} input`)
  await input.fill(value)
  await input.blur()
}

export async function fieldValue(page: Page, name: string): Promise<string> {
  return shown(page, `#input-${name} input`).inputValue()
}

/** The error shown beside a field, or null when there is none. */
export async function fieldError(page: Page, name: string): Promise<string | null> {
  const error = shown(page, `[data-testid="error-${name}"]`)
  return (await error.count()) === 0 ? null : ((await error.textContent()) ?? '').replace(/^!/, '').trim()
}

export async function setSwitch(page: Page, name: string, on: boolean): Promise<void> {
  const input = shown(page, `#switch-${name} input`)
  if ((await input.isChecked()) !== on) await input.tap()
}

export async function choose(page: Page, name: string, value: string): Promise<void> {
  await tap(page, `#field-${name} [data-value="${value}"]`)
}

/** Drags one picker column with a finger until `target` sits in the selection band. */
async function dragColumn(page: Page, cdp: CDPSession, column: Locator, matches: (text: string) => boolean): Promise<void> {
  for (let round = 0; round < 40; round += 1) {
    const texts = await column.locator('.weui-picker__item').allTextContents()
    const wanted = texts.findIndex((t) => matches(t.trim()))
    if (wanted < 0) throw new Error(`no picker item matches; items: ${texts.join(' ')}`)
    const geometry = await column.evaluate((el) => {
      const band = (el.querySelector('.weui-picker__indicator') as HTMLElement).getBoundingClientRect()
      const items = [...el.querySelectorAll('.weui-picker__item')].map((i) => i.getBoundingClientRect())
      const middle = band.top + band.height / 2
      let current = 0
      items.forEach((r, i) => {
        const best = items[current] as DOMRect
        if (Math.abs(r.top + r.height / 2 - middle) < Math.abs(best.top + best.height / 2 - middle)) current = i
      })
      return { x: band.left + band.width / 2, y: middle, row: (items[0] as DOMRect).height, current }
    })
    if (geometry.current === wanted) return
    // At most four rows a stroke, like a real swipe that stays on the wheel.
    const rows = Math.max(-4, Math.min(4, geometry.current - wanted))
    const { x, y } = geometry
    const to = y + rows * geometry.row
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
    for (let step = 1; step <= 5; step += 1) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + ((to - y) * step) / 5 }] })
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await page.waitForTimeout(350) // the wheel's settle transition (0.3 s)
  }
  throw new Error('picker column did not reach its target')
}

/** Taro moves each picker's sheet to <body>; only the open one is visible. */
async function openPicker(page: Page, face: string): Promise<Locator> {
  await tap(page, face)
  const sheet = shown(page, '.weui-picker')
  await sheet.waitFor()
  await page.waitForTimeout(350) // slide-up animation
  return sheet
}

async function confirmPicker(sheet: Locator): Promise<void> {
  await sheet.locator('.weui-picker__action').nth(1).tap() // 确定
  await sheet.waitFor({ state: 'hidden' })
}

/** Chooses `label` in a list picker (PickerField `name`). */
export async function pick(page: Page, name: string, label: string): Promise<void> {
  const sheet = await openPicker(page, `#picker-${name}`)
  const cdp = await page.context().newCDPSession(page)
  try {
    await dragColumn(page, cdp, sheet.locator('taro-picker-group').first(), (t) => t === label)
  } finally {
    await cdp.detach()
  }
  await confirmPicker(sheet)
}

/** Sets a date picker (DateField `name`) to 'YYYY-MM-DD', column by column. */
export async function pickDate(page: Page, name: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  const sheet = await openPicker(page, `#date-${name}`)
  const columns = sheet.locator('taro-picker-group')
  const cdp = await page.context().newCDPSession(page)
  try {
    const number = (n: number) => (t: string) => Number(t.replace(/\D/g, '')) === n
    await dragColumn(page, cdp, columns.nth(0), number(year))
    await dragColumn(page, cdp, columns.nth(1), number(month))
    await dragColumn(page, cdp, columns.nth(2), number(day))
  } finally {
    await cdp.detach()
  }
  await confirmPicker(sheet)
}

/** The text of what is shown now (the visible page of Taro's stack). */
export async function pageText(page: Page): Promise<string> {
  return (await shown(page, '.taro_page').last().innerText()).replace(/\s+/g, ' ')
}

/**
 * Waits out Taro's page slide-in (the router marks a page `taro_page_stationed` once it has
 * arrived) and any other finite animation: a shot mid-slide looks broken when it is not.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const pages = [...document.querySelectorAll('.taro_page')].filter((p) => p.getClientRects().length > 0)
      const top = pages[pages.length - 1]
      const arrived = !top || (top.classList.contains('taro_page_stationed') && Math.abs(top.getBoundingClientRect().left) < 1)
      const still = document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
      return arrived && still
    },
    undefined,
    { timeout: 10_000 },
  )
}

/**
 * A screenshot of the whole current page, named by step. Taro scrolls inside the page element,
 * not the document, so the viewport is stretched to the page's height for the shot.
 */
export async function screenshot(page: Page, step: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${step}.png`)
  await settled(page)
  const height = await page.evaluate(() => {
    const pages = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => p.offsetParent !== null || p.getClientRects().length > 0)
    const current = pages[pages.length - 1]
    return current ? current.scrollHeight + (current.getBoundingClientRect().top || 0) : document.documentElement.scrollHeight
  })
  const tall = Math.min(Math.max(PHONE.height, Math.ceil(height)), 8000)
  if (tall > PHONE.height) await page.setViewportSize({ width: PHONE.width, height: tall })
  await page.waitForTimeout(150)
  await page.screenshot({ path })
  if (tall > PHONE.height) await page.setViewportSize(PHONE)
  return path
}

/**
 * Takes a photo from the "album" through the page's own picker: the H5 app opens Taro's
 * chooseImage, which asks camera or album on a phone and then opens an <input type=file>.
 */
export async function uploadPhoto(page: Page, kind: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser', { timeout: 20_000 })
  await tap(page, `#choose-${kind}`)
  await shown(page, '.taro-actionsheet__cell').filter({ hasText: '从相册选择' }).tap()
  await (await chooser).setFiles(file)
  await shown(page, `[data-testid="photo-${kind}"][data-status="uploaded"]`).waitFor({ timeout: 60_000 })
}

/** The document kinds the photos page asks for, in its order. */
export async function photoSlots(page: Page): Promise<string[]> {
  const slots = shown(page, '[data-testid^="photo-"][data-kind]')
  await slots.first().waitFor()
  return (await slots.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''))).filter(Boolean)
}
