/**
 * dist/weapp rendered through its real WXML by miniprogram-simulate (WeChat's template compiler
 * and component framework): what an applicant would see, not only what Taro sent by setData.
 * miniprogram-simulate draws into a DOM, hence jsdom for this file alone.
 *
 * @jest-environment jsdom
 */
import { parseIdNumber, parseMobile, type BindingSummary } from '@zhihui/core'
import type { SentRequest } from './support/mini-host'
import { createSimulateHost, type SimulatedPage } from './support/simulate-host'

/** An ID number with the wrong check character. */
const BAD_ID = '410105199803151230'
/** Ten digits: one short of a mobile number. */
const BAD_MOBILE = '1380371123'

const BINDING: BindingSummary = {
  name: '张三',
  idNumberMasked: '410105********1234',
  cardNumberMasked: 'A1****789',
  cardIssued: true,
  financialAccountActive: true,
  pensionMonths: 12,
}

const NOT_FOUND = { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到' } } }

function api(request: SentRequest): { statusCode: number; data: unknown } {
  const route = `${request.method} ${request.url.replace(/^.*\/api\/v1/, '')}`
  if (route === 'POST /sessions') return { statusCode: 200, data: { token: 'simulate-token' } }
  if (route === 'GET /me') return { statusCode: 200, data: { binding: BINDING } }
  return NOT_FOUND
}

/** The date the app passes to core: today in China Standard Time. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

function messageOf(result: { ok: true } | { ok: false; error: { message: string } }): string {
  if (result.ok) throw new Error('the test value should be invalid')
  return result.error.message
}

describe('dist/weapp rendered by miniprogram-simulate', () => {
  let host: ReturnType<typeof createSimulateHost>
  let page: SimulatedPage | undefined

  beforeEach(() => {
    jest.resetModules()
    host = createSimulateHost(api)
  })

  afterEach(() => {
    page?.close()
    page = undefined
    host.uninstall()
  })

  it('the home page template shows the entry buttons and the subsidy table', async () => {
    page = host.open('pages/index/index')
    await page.waitForText('补贴标准')
    expect(page.text()).toContain('在线申请')
    expect(page.text()).toContain('1,500元/月')
    // The entry is a real <button> of the template, with the id the code gave it.
    expect(page.all('#entry-apply')).toHaveLength(1)
    expect(page.all('#entry-apply')[0]?.dom.tagName).toBe('WX-BUTTON')
  })

  it('the information form (subpackage) shows core’s message for an invalid mobile number once it is left', async () => {
    page = host.open('pages/apply/info/index')
    await page.waitForText('下一步：核对信息')
    // The form appears only once GET /me has answered with the bound card.
    expect(host.requests.map((r) => `${r.method} ${r.url.replace(/^.*\/api\/v1/, '')}`)).toContain('GET /me')
    expect(page.all('.field__error')).toHaveLength(0)

    page.typeAndLeave('input-mobile', BAD_MOBILE)
    const expected = messageOf(parseMobile(BAD_MOBILE))
    await page.waitForText(expected)
    expect(page.all('.field__error')).toHaveLength(1)
    expect(page.all('#field-mobile .field__error')).toHaveLength(1)
  })

  it('the card binding form shows core’s message for an ID number with a wrong check character', async () => {
    page = host.open('pages/apply/bind-card/index')
    await page.waitForText('同意并继续')
    page.tap('consent-tick')
    await page.waitForText('☑')
    page.tap('consent-continue')
    await page.waitForText('核验并绑定')
    expect(page.all('.field__error')).toHaveLength(0)

    page.typeAndLeave('input-idNumber', BAD_ID)
    const expected = parseIdNumber(BAD_ID, { today: todayInChina() })
    expect(expected.ok ? undefined : expected.error.code).toBe('ID_CHECKSUM')
    await page.waitForText(messageOf(expected))
    expect(page.all('#field-idNumber .field__error')).toHaveLength(1)
  })
})
