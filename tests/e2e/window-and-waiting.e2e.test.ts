/**
 * The applicants the online form must not take, in a real browser against the real server: an
 * overseas returnee is sent to the service windows (and the server refuses an online submission
 * too), and a card with 2 pension months is told why it does not qualify yet and from which day it
 * will, on the form, the check page and in the self-check. The expected date is computed here from
 * the server's clock, not written down.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_POLICY, POLICY_VERSIONS } from '@zhihui/core'
import { applicantSession, reviewer, serverToday } from './support/api'
import { choose, pageText, pick, pickDate, screenshot, settled, shown, tap, type } from './support/app'
import { startBrowser, type Phone, type RunningBrowser } from './support/browser'
import { chineseDate, firstOfMonthAfter } from './support/dates'
import { bindCard, demoPerson, eligibleAnswers, fillEducation, fillTheRest } from './support/journey'
import { stopAll } from './support/processes'
import { startServer, type RunningServer } from './support/server'

const work = mkdtempSync(join(tmpdir(), 'zhihui-e2e-window-'))
let server: RunningServer
let chromium: RunningBrowser
const phones: Phone[] = []

beforeAll(async () => {
  ;[server, chromium] = await Promise.all([startServer({ dataDir: join(work, 'data') }), startBrowser()])
})

afterAll(async () => {
  for (const phone of phones) await phone.context.close().catch(() => undefined)
  await chromium?.stop()
  await server?.stop()
  await stopAll()
  rmSync(work, { recursive: true, force: true })
})

afterEach(() => {
  for (const phone of phones) {
    expect(phone.problems.splice(0).filter((p) => !/favicon\.ico/.test(p))).toEqual([])
  }
})

async function newApplicant(): Promise<Phone> {
  const phone = await chromium.newPhone()
  phones.push(phone)
  await phone.page.goto(server.origin)
  await shown(phone.page, '#entry-apply').waitFor()
  return phone
}

test('an overseas returnee is sent to the service windows: the form will not go on, the windows are listed', async () => {
  const { page } = await newApplicant()
  await tap(page, '#entry-apply')
  await bindCard(page, demoPerson('周明轩'))
  await tap(page, '#to-info')
  await shown(page, '#picker-education').waitFor()
  const answers = { ...eligibleAnswers(await serverToday(server.api)), education: '硕士研究生', overseasReturnee: true }
  await fillEducation(page, answers)
  await fillTheRest(page, answers)

  const eligibility = shown(page, '[data-testid="eligibility"]')
  expect(await eligibility.innerText()).toContain('请到人才服务窗口办理')
  expect(await shown(page, '[data-testid="eligibility-summary"]').innerText()).toContain('人才服务窗口')
  const next = shown(page, '#info-next')
  expect(await next.getAttribute('disabled')).not.toBeNull()
  await next.tap({ force: true })
  await settled(page)
  expect(await shown(page, '#check-next').count()).toBe(0)
  await screenshot(page, '18-info-returnee-window')

  await eligibility.locator('taro-button-core', { hasText: '查看人才服务窗口' }).tap()
  await shown(page, '#tab-windows[aria-selected="true"]').waitFor()
  await shown(page, '[data-testid="office"]').first().waitFor()
  const offices = (await (await fetch(`${server.api}/offices`)).json()) as { talentWindows: unknown[] }
  expect(await shown(page, '[data-testid="office"]').count()).toBe(offices.talentWindows.length)
  expect(await pageText(page)).toContain('海外归国留学人员')
  await screenshot(page, '19-returnee-window-list')
})

test('the server refuses an online submission from a returnee as well', async () => {
  const person = demoPerson('黄诗雨')
  const today = await serverToday(server.api)
  const a = eligibleAnswers(today)
  const api = await applicantSession(server.api, 'e2e-returnee-by-api')
  const bound = await api.request('POST', '/card-binding', { consent: true, name: person.name, idNumber: person.idNumber, cardNumber: person.cardNumber })
  expect(bound.status).toBe(200)
  const saved = await api.request('PUT', '/application', {
    facts: {
      education: 'master',
      graduationDate: a.graduationDate,
      overseasReturnee: true,
      hukou: { inZhengzhou: true, district: a.hukouDistrict, settledOn: a.hukouSettledOn },
      employment: { kind: 'employed', employer: a.employer },
    },
    details: { mobile: a.mobile, school: a.school, major: a.major, graduationCertificateNo: a.graduationCertificateNo, degreeCertificateNo: a.degreeCertificateNo },
  })
  expect(saved.status).toBe(200)
  expect((saved.body.eligibility as { channel: string }).channel).toBe('window')

  const submitted = await api.request('POST', '/application/submit', undefined, { 'idempotency-key': 'e2e-returnee-submit-1' })
  expect(submitted.status).toBe(422)
  expect(JSON.stringify(submitted.body)).toContain('WINDOW_ONLY')
  expect((await reviewer(server.api).queue()).applications).toEqual([])
})

test('two pension months: told why, and from which day it will be met (from the server’s today)', async () => {
  const today = await serverToday(server.api)
  const required = POLICY_VERSIONS[DEFAULT_POLICY].pensionMonthsRequired
  const person = demoPerson('刘浩然')
  expect(person.pensionMonths).toBe(2)
  const metFrom = chineseDate(firstOfMonthAfter(today, required - person.pensionMonths))

  const { page } = await newApplicant()
  await tap(page, '#entry-apply')
  await bindCard(page, person)
  await tap(page, '#to-info')
  await shown(page, '#picker-education').waitFor()
  const answers = eligibleAnswers(today)
  await fillEducation(page, answers)
  await fillTheRest(page, answers)

  const rule = shown(page, '[data-testid="eligibility"] [data-code="PENSION_MONTHS_INSUFFICIENT"]')
  const why = await rule.innerText()
  expect(why).toContain(`满${required}个月`)
  expect(why).toContain(`目前为${person.pensionMonths}个月`)
  expect(why).toContain(`${metFrom}起即可满足`)
  expect(await shown(page, '[data-testid="eligibility-summary"]').innerText()).toContain('还有1项条件未满足')
  await screenshot(page, '20-info-pension-waiting')

  // The draft is saved and checked, but there is no way to submit it.
  await tap(page, '#info-next')
  await shown(page, '#check-next').waitFor()
  expect(await shown(page, '[data-code="PENSION_MONTHS_INSUFFICIENT"]').innerText()).toContain(`${metFrom}起即可满足`)
  await screenshot(page, '21-check-pension-waiting')
  await tap(page, '#check-next')
  const submit = shown(page, '#submit-application')
  await submit.waitFor()
  expect(await submit.getAttribute('disabled')).not.toBeNull()
  expect(await pageText(page)).toContain('尚不符合申请条件')
  await screenshot(page, '22-photos-not-yet-eligible')
})

test('the self-check gives the same answer without logging in', async () => {
  const today = await serverToday(server.api)
  const required = POLICY_VERSIONS[DEFAULT_POLICY].pensionMonthsRequired
  const metFrom = chineseDate(firstOfMonthAfter(today, required - 2))
  const answers = eligibleAnswers(today)

  const { page } = await newApplicant()
  await tap(page, '#entry-self-check')
  await pick(page, 'sc-education', answers.education)
  await pickDate(page, 'sc-birthDate', '2000-04-15')
  await pickDate(page, 'sc-graduationDate', answers.graduationDate)
  await pickDate(page, 'sc-settledOn', answers.hukouSettledOn)
  await choose(page, 'sc-employment', 'employed')
  await type(page, 'sc-pension', '2')

  const rule = shown(page, '[data-testid="eligibility"] [data-code="PENSION_MONTHS_INSUFFICIENT"]')
  await rule.waitFor()
  expect(await rule.innerText()).toContain(`${metFrom}起即可满足`)
  await screenshot(page, '23-self-check-pension-waiting')
})
