/**
 * The applicant's whole journey in a real browser against the real server: bind the card (an
 * invalid ID number first), fill the form (a reload on the way, an invalid mobile number), upload
 * phone-size photos through the page's picker, submit; a reviewer rejects one photo, the applicant
 * retakes only that one; approval, public notice, the clock past its end, payment. Then what the
 * server stored of the photos, and the guide pages. Screenshots of every page land in
 * tests/e2e/screenshots/, named by step.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseIdNumber } from '@zhihui/core'
import sharp from 'sharp'
import { reviewer, serverToday, setServerToday, type ReviewDetail } from './support/api'
import { fieldError, fieldValue, pageText, photoSlots, pick, screenshot, shown, tap, type, uploadPhoto } from './support/app'
import { startBrowser, type Phone, type RunningBrowser } from './support/browser'
import { addDays, chineseDate } from './support/dates'
import { hasExifSegment } from './support/jpeg'
import { agreeToConsent, demoPerson, eligibleAnswers, fillEducation, fillTheRest, type InfoAnswers } from './support/journey'
import { exifHasGps, makePhonePhotos, PHONE_HEIGHT, PHONE_WIDTH } from './support/photos'
import { stopAll } from './support/processes'
import { startServer, type RunningServer } from './support/server'

const MAX_STORED_PHOTO_BYTES = 400 * 1024
const REJECTED_KIND = 'degree-certificate'
const REJECTION_MESSAGE = '学位证照片反光，证书编号看不清，请在光线均匀处重新拍摄'

const work = mkdtempSync(join(tmpdir(), 'zhihui-e2e-journey-'))
let server: RunningServer
let chromium: RunningBrowser
let phone: Phone
let photoFiles: string[]
let answers: InfoAnswers
/** Filled in as the journey goes; later steps need what earlier ones made. */
const journey: { applicationNo?: string; firstDocuments?: ReviewDetail['documents']; kinds?: string[] } = {}

const applicant = demoPerson('王子豪')
const page = () => phone.page

beforeAll(async () => {
  ;[server, chromium, photoFiles] = await Promise.all([
    startServer({ dataDir: join(work, 'data') }),
    startBrowser(),
    makePhonePhotos(work, [
      { title: '居民身份证' },
      { title: '户口簿本人页（光线较暗）', lowLight: true },
      { title: '毕业证书' },
      { title: '学位证书' },
      { title: '学位证书（重拍）' },
    ]),
  ])
  phone = await chromium.newPhone()
  // What the app hands to the network, before the server touches it (the app promises ≤ 400 KB
  // a photo). The upload body is a Blob, which the browser does not show to the test, so the
  // page's XMLHttpRequest notes the size of the file it sends.
  await phone.context.addInitScript(() => {
    const send = XMLHttpRequest.prototype.send
    XMLHttpRequest.prototype.send = function (body) {
      const file = body instanceof FormData ? body.get('file') : null
      if (file instanceof Blob) {
        const w = window as unknown as { __uploadSizes?: number[] }
        w.__uploadSizes = [...(w.__uploadSizes ?? []), file.size]
      }
      return send.call(this, body)
    }
  })
  answers = eligibleAnswers(await serverToday(server.api))
})

afterAll(async () => {
  await phone?.context.close().catch(() => undefined)
  await chromium?.stop()
  await server?.stop()
  await stopAll()
  rmSync(work, { recursive: true, force: true })
})

afterEach(() => {
  // Anything the page threw or logged as an error is a defect an applicant could meet.
  // (The H5 page has no favicon; the browser's 404 for it is not the app's doing at runtime.)
  const problems = (phone?.problems.splice(0) ?? []).filter((p) => !/favicon\.ico/.test(p))
  expect(problems).toEqual([])
})

test('the photos to upload are what a phone camera makes: ≥ 3000 px, megabytes, EXIF with GPS', async () => {
  for (const file of photoFiles) {
    const data = readFileSync(file)
    const meta = await sharp(data).metadata()
    expect([meta.width, meta.height]).toEqual([PHONE_WIDTH, PHONE_HEIGHT])
    expect(data.length).toBeGreaterThan(1024 * 1024)
    expect(hasExifSegment(data)).toBe(true)
    expect(await exifHasGps(data)).toBe(true)
  }
})

test('home and the eligibility self-check open', async () => {
  await page().goto(server.origin)
  await shown(page(), '#entry-apply').waitFor()
  expect(await pageText(page())).toContain('青年人才生活补贴')
  await screenshot(page(), '01-home')

  await tap(page(), '#entry-self-check')
  await shown(page(), '#field-sc-education').waitFor()
  await screenshot(page(), '02-self-check')
  await page().goBack()
  await shown(page(), '#entry-apply').waitFor()
})

test('binding the card: a wrong check character gets core’s message beside the field, fixed, then bound and masked', async () => {
  await tap(page(), '#entry-apply')
  await agreeToConsent(page())
  await type(page(), 'name', applicant.name)

  // The same number with its last (check) character changed.
  const last = applicant.idNumber.slice(-1)
  const wrong = `${applicant.idNumber.slice(0, 17)}${last === '0' ? '1' : '0'}`
  const today = await serverToday(server.api)
  const expected = parseIdNumber(wrong, { today })
  if (expected.ok) throw new Error('the altered ID number should be invalid')
  expect(expected.error.code).toBe('ID_CHECKSUM')
  await type(page(), 'idNumber', wrong)
  expect(await fieldError(page(), 'idNumber')).toBe(expected.error.message)
  await screenshot(page(), '03-bind-card-id-error')

  // Submitting now is refused on the page, and nothing typed is lost.
  await tap(page(), '#bind-submit')
  expect(await fieldValue(page(), 'name')).toBe(applicant.name)
  expect(await fieldValue(page(), 'idNumber')).toBe(wrong)

  await type(page(), 'idNumber', applicant.idNumber)
  expect(await fieldError(page(), 'idNumber')).toBeNull()
  await type(page(), 'cardNumber', applicant.cardNumber)
  await tap(page(), '#bind-submit')
  await shown(page(), '#to-info').waitFor()

  const text = await pageText(page())
  expect(text).toContain('社会保障卡已绑定')
  expect(text).toContain(applicant.name)
  expect(text).not.toContain(applicant.idNumber)
  expect(text).toContain(`${applicant.idNumber.slice(0, 4)}**********${applicant.idNumber.slice(-4)}`)
  await screenshot(page(), '04-bind-card-bound')
})

test('the information form: a reload mid-form loses nothing; a wrong mobile number is shown beside the field', async () => {
  await tap(page(), '#to-info')
  await shown(page(), '#picker-education').waitFor()
  await fillEducation(page(), answers)

  await page().reload()
  await shown(page(), '#picker-education').waitFor()
  expect(await shown(page(), '#picker-education').innerText()).toContain(answers.education)
  expect(await fieldValue(page(), 'school')).toBe(answers.school)
  expect(await fieldValue(page(), 'major')).toBe(answers.major)
  expect(await shown(page(), '#date-graduationDate').innerText()).toContain(chineseDate(answers.graduationDate))

  await fillTheRest(page(), { ...answers, mobile: '1380371123' })
  const mobileError = await fieldError(page(), 'mobile')
  expect(mobileError).toMatch(/手机号码/)
  await shown(page(), '#field-mobile').scrollIntoViewIfNeeded()
  await screenshot(page(), '05-info-error')

  await type(page(), 'mobile', answers.mobile)
  expect(await fieldError(page(), 'mobile')).toBeNull()
  expect(await shown(page(), '[data-testid="eligibility-summary"]').innerText()).toContain('符合申请条件')
  await screenshot(page(), '06-info-filled')

  await tap(page(), '#info-next')
  await shown(page(), '#check-next').waitFor()
  const check = await pageText(page())
  for (const value of [answers.school, answers.major, chineseDate(answers.graduationDate), answers.employer, answers.mobile, answers.hukouDistrict]) {
    expect(check).toContain(value)
  }
  await screenshot(page(), '07-check')
})

test('photos: 4000×3000 phone photos through the page’s picker, then submit and a receipt with the number', async () => {
  await tap(page(), '#check-next')
  const kinds = await photoSlots(page())
  expect(kinds).toEqual(expect.arrayContaining(['id-card', 'hukou', 'graduation-certificate', REJECTED_KIND]))
  journey.kinds = kinds
  for (const [index, kind] of kinds.entries()) {
    const file = photoFiles[index]
    if (file === undefined) throw new Error(`no photo made for slot ${index}`)
    await uploadPhoto(page(), kind, file)
  }
  await screenshot(page(), '08-photos')
  const sent = await page().evaluate(() => (window as unknown as { __uploadSizes?: number[] }).__uploadSizes ?? [])
  console.log(`photos as the app sent them (bytes): ${sent.join(', ')}`)
  expect(sent).toHaveLength(kinds.length)
  for (const bytes of sent) expect(bytes).toBeLessThanOrEqual(MAX_STORED_PHOTO_BYTES)

  await tap(page(), '#submit-application')
  const number = shown(page(), '[data-testid="application-no"]')
  await number.waitFor()
  const applicationNo = /[A-Z]{2}\d{6,}/.exec(await number.innerText())?.[0]
  expect(applicationNo).toBeDefined()
  journey.applicationNo = applicationNo
  await screenshot(page(), '09-receipt')

  const detail = await reviewer(server.api).detail(applicationNo as string)
  expect(detail.status).toBe('submitted')
  expect(detail.documents.map((d) => d.kind).sort()).toEqual([...kinds].sort())
  journey.firstDocuments = detail.documents

  await tap(page(), '#receipt-progress')
  await shown(page(), '[data-testid="timeline"]').waitFor()
  const progress = await pageText(page())
  expect(progress).toContain(applicationNo)
  expect(progress).toContain('已提交')
  await screenshot(page(), '10-progress-submitted')
})

test('a reviewer rejects one photo; the applicant sees why, retakes only that photo and resubmits', async () => {
  const no = journey.applicationNo as string
  const review = reviewer(server.api)
  await review.decide(no, { decision: 'reject', reasons: [{ target: REJECTED_KIND, code: 'PHOTO_UNCLEAR', message: REJECTION_MESSAGE }] })

  await page().reload()
  const reason = shown(page(), '[data-testid="rejection-reason"]')
  await reason.waitFor()
  expect(await reason.innerText()).toContain(REJECTION_MESSAGE)
  await screenshot(page(), '11-progress-rejected')

  await tap(page(), '#fix-and-resubmit')
  await shown(page(), `#choose-${REJECTED_KIND}`).waitFor()
  for (const kind of journey.kinds ?? []) {
    if (kind !== REJECTED_KIND) expect(await shown(page(), `#choose-${kind}`).count()).toBe(0)
  }
  expect(await shown(page(), `[data-testid="photo-${REJECTED_KIND}"]`).innerText()).toContain(REJECTION_MESSAGE)
  await screenshot(page(), '12-photos-retake')

  await uploadPhoto(page(), REJECTED_KIND, photoFiles[4] as string)
  await tap(page(), '#submit-application')
  await shown(page(), '[data-testid="application-no"]').waitFor()

  const detail = await review.detail(no)
  expect(detail.status).toBe('submitted')
  const before = new Map((journey.firstDocuments ?? []).map((d) => [d.kind, d.photoId]))
  for (const document of detail.documents) {
    if (document.kind === REJECTED_KIND) expect(document.photoId).not.toBe(before.get(document.kind))
    else expect(document.photoId).toBe(before.get(document.kind))
  }
  expect(detail.documents).toHaveLength(before.size)
})

test('approved, on public notice, the clock past the notice, paying: the progress page shows each stage, its dates and the monthly ledger', async () => {
  const no = journey.applicationNo as string
  const review = reviewer(server.api)
  await review.decide(no, { decision: 'approve' })
  const { batch } = await review.publishNotice([no])
  expect(batch.start).toBe(await serverToday(server.api))

  await tap(page(), '#receipt-progress')
  await shown(page(), '[data-testid="timeline"]').waitFor()
  await page().reload()
  await shown(page(), '[data-testid="timeline"] [data-status="public-notice"]').waitFor()
  const notice = await pageText(page())
  expect(notice).toContain(`公示期：${chineseDate(batch.start)}至${chineseDate(batch.end)}`)
  await screenshot(page(), '13-progress-public-notice')

  // Paying starts the day after the notice; the months since all conditions were met are paid at once (arrears).
  await setServerToday(server.api, addDays(batch.end, 1))
  const { payments } = await review.pay([no])
  expect(payments).toEqual([expect.objectContaining({ applicationNo: no, status: 'paying', amountYuan: 500 })])
  const { entitlement, lines } = payments[0]!
  expect(entitlement).toMatchObject({ monthlyYuan: 500, months: 36 })
  expect(lines.length).toBe(entitlement.paidMonths)

  await page().reload()
  await shown(page(), '[data-testid="ledger"]').waitFor()
  const timeline = shown(page(), '[data-testid="timeline"]')
  for (const status of ['submitted', 'under-review', 'public-notice']) {
    const step = await timeline.locator(`[data-status="${status}"]`).innerText()
    expect(step).toContain('已完成')
    expect(step).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
  }
  const paying = await timeline.locator('[data-status="paying"]').innerText()
  expect(paying).toContain('进行中')
  expect(paying).toContain(`已发放 ${entitlement.paidMonths} / 36 个月`)
  expect(await timeline.locator('[data-status="paid"]').innerText()).toContain('未开始')
  const text = await pageText(page())
  expect(text).toContain(`公示期：${chineseDate(batch.start)}至${chineseDate(batch.end)}`)
  expect(text).toContain(`已发放 ${entitlement.paidMonths} / 36 个月`)
  expect(await shown(page(), '[data-testid="ledger"] [data-month]').count()).toBe(lines.length)
  await screenshot(page(), '14-progress-paying')
})

test('every photo the server stored is ≤ 400 KB and carries no EXIF', async () => {
  const dir = join(server.dataDir, 'photos')
  const files: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.push(path)
    }
  }
  walk(dir)
  // At least the four documents (whether a replaced photo stays on disk is the server's business).
  expect(files.length).toBeGreaterThanOrEqual(4)

  const detail = await reviewer(server.api).detail(journey.applicationNo as string)
  const served = await Promise.all(detail.documents.map((d) => reviewer(server.api).photo(detail.applicationNo, d.photoId)))

  const measured: { photo: string; bytes: number; exif: boolean; exifSegment: boolean; size: string }[] = []
  for (const [photo, data] of [...files.map((f) => [f.slice(dir.length + 1), readFileSync(f)] as const), ...served.map((d, i) => [`served ${detail.documents[i]?.kind}`, d] as const)]) {
    const meta = await sharp(data).metadata()
    measured.push({ photo, bytes: data.length, exif: meta.exif !== undefined, exifSegment: hasExifSegment(data), size: `${meta.width}×${meta.height}` })
  }
  console.log(`stored photos (limit ${MAX_STORED_PHOTO_BYTES} bytes):\n${measured.map((m) => `  ${m.photo}: ${m.bytes} bytes, ${m.size}, exif ${m.exif || m.exifSegment}`).join('\n')}`)
  for (const m of measured) {
    expect({ photo: m.photo, exif: m.exif, exifSegment: m.exifSegment }).toEqual({ photo: m.photo, exif: false, exifSegment: false })
  }
  expect(measured.filter((m) => m.bytes > MAX_STORED_PHOTO_BYTES).map((m) => `${m.photo}: ${m.bytes} bytes`)).toEqual([])
})

test('the guides: service windows, social-insurance branches, housing subsidy by district', async () => {
  await page().goto(server.origin)
  await tap(page(), '#entry-windows')
  await shown(page(), '[data-testid="office"]').first().waitFor()
  await screenshot(page(), '15-directory-windows')
  await tap(page(), '#tab-branches')
  await shown(page(), '#tab-branches[aria-selected="true"]').waitFor()
  await screenshot(page(), '16-directory-branches')
  // A browser has no mini-program title bar; the app's own shows the page title and goes back.
  expect(await shown(page(), '[data-testid="title-bar"]').textContent()).toContain('服务窗口和社保分局')
  await tap(page(), '#title-bar-back')
  await shown(page(), '#entry-housing').waitFor()

  await tap(page(), '#entry-housing')
  await shown(page(), '#picker-housing-district').waitFor()
  await pick(page(), 'housing-district', answers.hukouDistrict)
  await shown(page(), '[data-testid="office"]').waitFor()
  expect(await pageText(page())).toContain('您已申请生活补贴（发放中）')
  await screenshot(page(), '17-housing')
})
