/**
 * Window intake (design.md, "Window intake"): a window clerk files for the applicant at the
 * counter. The registry check naming the item that did not match, one person one application
 * across channels and windows (nothing created when refused), the window recorded whatever the
 * applicant's district, roles, the photos' limits, submit, the printed 业务办理回执, the signature,
 * the audit rows, the 学信网 code, and the applicant who binds the same card later and sees the
 * application read-only with the window's address and phone. Runs on SQLite, and on PostgreSQL
 * as the 'server:postgres' project when TEST_DATABASE_URL is set.
 */
import { DOCUMENT_LABELS, maskIdNumber, type ApplicationView, type WindowApplicationView } from '@zhihui/core'
import { DEMO_CHSI_REPORTS } from '../../packages/server/src/chsi'
import { API, login, multipart, readyApplicant, samplePhoto, validForm, wrap, type Sent } from './helpers/client'
import { PDF_BYTES, photo } from './helpers/photos'
import { testPerson } from './helpers/people'
import { CSRF, staff, type StaffClient } from './helpers/staff'
import { startTestApp, type TestApp } from './helpers/test-app'

// The PostgreSQL project (root jest.config.js) does not inherit tests/server's 20 s timeout.
jest.setTimeout(60_000)
let t: TestApp
const app = () => t.app
let clerk: StaffClient
let zhongyuanClerk: StaffClient
beforeAll(async () => {
  t = await startTestApp()
  clerk = await staff(app, 'clerk-jinshui')
  // A second window: a 中原区 clerk with the development password (the dev seed has one clerk only).
  const template = await t.app.ctx.db.selectFrom('staff_accounts').selectAll().where('username', '=', 'clerk-jinshui').executeTakeFirstOrThrow()
  await t.app.ctx.db
    .insertInto('staff_accounts')
    .values({ ...template, id: 'clerk-zhongyuan-id', username: 'clerk-zhongyuan', name: '窗口经办陈明', district: '中原区' })
    .execute()
  zhongyuanClerk = await staff(app, 'clerk-zhongyuan')
})
afterAll(() => t.close())

type Person = ReturnType<typeof testPerson>
let next = 0
/** A person of the test registry not used by another test of this file. */
const freshPerson = (): Person => testPerson((next += 1))

/** An employed overseas returnee settled in 金水区: the seed sends returnees to a window. */
const returneeForm = (facts: Record<string, unknown> = {}, details: Record<string, unknown> = {}) =>
  validForm({ facts: { overseasReturnee: true, ...facts }, details })

const intake = (by: StaffClient, person: Person, form: unknown = returneeForm()) =>
  by.send('POST', '/staff/window-applications', {
    name: person.name,
    idNumber: person.idNumber,
    cardNumber: person.cardNumber,
    ...(form as Record<string, unknown>),
  })

async function filed(person: Person, form: unknown = returneeForm(), by: StaffClient = clerk): Promise<string> {
  const res = await intake(by, person, form)
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.applicationNo as string
}

async function uploadAs(by: StaffClient, no: string, kind: string, data: Buffer, contentType = 'image/jpeg'): Promise<Sent> {
  const form = multipart({ kind }, { data, filename: 'original.jpg', contentType })
  return wrap(
    await t.app.inject({
      method: 'POST',
      url: `${API}/staff/window-applications/${no}/photos`,
      headers: { ...CSRF, cookie: `zh_staff=${by.cookie ?? ''}`, ...form.headers },
      payload: form.payload,
    }),
  )
}

/** Photographs every original the application still needs (all but what a 学信网 code replaces). */
async function photographOriginals(no: string): Promise<string[]> {
  const view = (await clerk.get(`/staff/window-applications/${no}`)).body as unknown as WindowApplicationView
  const kinds = view.requiredDocuments.filter((doc) => doc.replacedBy === undefined).map((doc) => doc.kind)
  const data = await samplePhoto()
  for (const kind of kinds) {
    const res = await uploadAs(clerk, no, kind, data)
    if (res.status !== 200) throw new Error(`upload of ${kind} failed: ${JSON.stringify(res.body)}`)
  }
  return kinds
}

const errorOf = (res: Sent) => res.body.error as { code: string; message: string; field?: string }

const row = (no: string) => t.app.ctx.db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow()
const applicationCount = async () => Number((await t.app.ctx.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const auditRows = (action: string, target?: string) => {
  let query = t.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action)
  if (target !== undefined) query = query.where('target', '=', target)
  return query.orderBy('at').execute()
}

describe('filing at a window', () => {
  it('creates a draft with its number at once, channel window, filed by the clerk at the clerk’s window', async () => {
    const person = freshPerson()
    const res = await intake(clerk, person)
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ applicationNo: expect.stringMatching(/^ZZ\d{13}$/), status: 'draft' })
    const stored = await row(res.body.applicationNo as string)
    expect(stored).toMatchObject({
      status: 'draft',
      channel: 'window',
      filed_by: 'staff:clerk-jinshui',
      window_district: '金水区',
      applicant_name: person.name,
      district: '金水区',
      education: 'bachelor',
      receipt_signed_at: null,
    })
    const audit = await auditRows('window-application-create', res.body.applicationNo as string)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'staff:clerk-jinshui', actor_name: '窗口经办王芳', actor_bureau: '人社局' })
    expect(JSON.parse(audit[0]!.detail_json ?? '{}')).toEqual({ windowDistrict: '金水区', applicantDistrict: '金水区', formComplete: true })
  })

  it('records the window, not the applicant’s district: a 金水区 clerk may file for a 中原区 applicant', async () => {
    const no = await filed(freshPerson(), returneeForm({ hukou: { inZhengzhou: true, district: '中原区', settledOn: '2024-08-15' } }))
    expect(await row(no)).toMatchObject({ district: '中原区', window_district: '金水区', filed_by: 'staff:clerk-jinshui' })
    // The 中原区 window did not file it and cannot work on it.
    expect((await zhongyuanClerk.get(`/staff/window-applications/${no}`)).status).toBe(404)
    expect((await zhongyuanClerk.send('PUT', `/staff/window-applications/${no}`, returneeForm())).status).toBe(404)
  })

  it('takes a partial form: the draft is created with what is missing listed', async () => {
    const res = await intake(clerk, freshPerson(), { facts: { education: 'master' } })
    expect(res.status).toBe(201)
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain('details.mobile')
    const stored = await row(res.body.applicationNo as string)
    expect(stored.facts_json).toBeNull()
    expect(JSON.parse(stored.raw_json)).toEqual({ facts: { education: 'master' } })
  })

  it('checks name, ID number and card number with core first, naming the field', async () => {
    const person = freshPerson()
    const wrongCheck = `${person.idNumber.slice(0, 17)}${person.idNumber.endsWith('0') ? '1' : '0'}`
    const before = await applicationCount()
    const res = await clerk.send('POST', '/staff/window-applications', { name: person.name, idNumber: wrongCheck, cardNumber: person.cardNumber })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'ID_CHECKSUM', field: 'idNumber' })
    expect(await applicationCount()).toBe(before)
  })
})

describe('the registry check tells the clerk which item did not match, and creates nothing', () => {
  it.each([
    ['name', '姓名', (p: Person) => ({ ...p, name: '李错名' })],
    ['cardNumber', '社会保障卡卡号', (p: Person) => ({ ...p, cardNumber: 'T99999999' })],
    ['idNumber', '身份证号', (p: Person) => ({ ...p, idNumber: testPerson(5000).idNumber })],
  ] as const)('%s', async (item, words, alter) => {
    const before = await applicationCount()
    const res = await intake(clerk, alter(freshPerson()))
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'CARD_MISMATCH', field: item, message: expect.stringContaining(`${words}与登记不符`) })
    expect(res.body.mismatch).toEqual([item])
    expect(await applicationCount()).toBe(before)
    const refused = (await auditRows('window-application-refused')).map((r) => JSON.parse(r.detail_json ?? '{}') as { reason: string; items?: string[] })
    expect(refused).toContainEqual(expect.objectContaining({ reason: 'registry-mismatch', items: [item] }))
  })

  it('does not lock the clerk out after many mismatches (the applicant’s binding limit is per account)', async () => {
    const person = freshPerson()
    for (let i = 0; i < 6; i += 1) expect((await intake(clerk, { ...person, name: '李错名' })).status).toBe(422)
    expect((await intake(clerk, person)).status).toBe(201)
  })
})

describe('one person, one application, across channels and windows', () => {
  it('online first: a draft in the mini-program blocks the window, which is told where and how to proceed', async () => {
    const person = freshPerson()
    const online = await login(app, `online-first-${person.cardNumber}`)
    expect((await online.bind(person)).status).toBe(200)
    expect((await online.send('PUT', '/application', validForm())).status).toBe(200)
    const before = await applicationCount()
    const res = await intake(clerk, person)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'ACTIVE_APPLICATION', message: expect.stringContaining('线上') })
    expect(errorOf(res).message).toContain('撤回')
    expect(res.body.existing).toEqual({ applicationNo: null, channel: 'online', status: 'draft', statusLabel: expect.any(String), where: expect.stringContaining('小程序') })
    expect(await applicationCount()).toBe(before)
  })

  it('online first, submitted: the window is told the number and the status', async () => {
    const person = freshPerson()
    const online = await readyApplicant(app, `online-submitted-${person.cardNumber}`, person)
    const no = (await online.submit(`key-${person.cardNumber}`)).body.applicationNo as string
    const res = await intake(clerk, person)
    expect(res.status).toBe(409)
    expect(res.body.existing).toMatchObject({ applicationNo: no, channel: 'online', status: 'submitted' })
    expect(errorOf(res).message).toContain(no)
    expect(errorOf(res).message).not.toContain('撤回')
    const refused = (await auditRows('window-application-refused')).map((r) => JSON.parse(r.detail_json ?? '{}') as Record<string, unknown>)
    expect(refused).toContainEqual(expect.objectContaining({ reason: 'active-application', existing: { applicationNo: no, channel: 'online', status: 'submitted' } }))
  })

  it('another window first: the second window is told which window, its address and phone', async () => {
    const person = freshPerson()
    const no = await filed(person)
    const before = await applicationCount()
    const res = await intake(zhongyuanClerk, person)
    expect(res.status).toBe(409)
    expect(res.body.existing).toMatchObject({
      applicationNo: no,
      channel: 'window',
      status: 'draft',
      window: { unit: '金水区', address: '金水区东风路与花园路政务服务中心1楼大厅', phone: '0371-55560790' },
    })
    expect(errorOf(res).message).toContain('金水区人才服务窗口')
    expect(await applicationCount()).toBe(before)
  })

  it('window first: the applicant who binds the card later sees it read-only, with the window’s address and phone', async () => {
    const person = freshPerson()
    const no = await filed(person)
    const phone = await login(app, `window-first-${person.cardNumber}`, 'weapp')
    expect((await phone.bind(person)).status).toBe(200)

    const me = await phone.get('/me')
    expect(me.body.application).toEqual({ applicationNo: no, status: 'draft' })
    const view = (await phone.get('/application')).body as unknown as ApplicationView
    expect(view).toMatchObject({ applicationNo: no, status: 'draft', channel: 'window', window: { unit: '金水区', phone: '0371-55560790' } })
    expect(view.requiredDocuments.map((d) => d.kind)).toContain('student-record-report')

    const expectWindowRefusal = (res: Sent) => {
      expect(res.status).toBe(409)
      expect(res.body.error).toMatchObject({ code: 'WINDOW_APPLICATION', message: expect.stringContaining('金水区东风路与花园路政务服务中心1楼大厅') })
      expect(errorOf(res).message).toContain('0371-55560790')
      expect(res.body.window).toMatchObject({ unit: '金水区', address: '金水区东风路与花园路政务服务中心1楼大厅', phone: '0371-55560790' })
    }
    expectWindowRefusal(await phone.send('PUT', '/application', validForm()))
    expectWindowRefusal(await phone.upload('id-card', await samplePhoto()))
    expectWindowRefusal(await phone.submit('key-window-first'))
    expectWindowRefusal(await phone.send('POST', '/application/withdraw'))
    // Nothing changed, and no second application appeared.
    expect(await row(no)).toMatchObject({ status: 'draft', version: 1 })
    expect((await t.app.ctx.db.selectFrom('applications').select('id').where('person_id', '=', (await row(no)).person_id).execute()).length).toBe(1)
  })
})

describe('roles and sessions', () => {
  it.each(['reviewer', 'payments', 'admin', 'bureau-hr', 'leader', 'service-edu'])('%s may not file at a window (403)', async (username) => {
    const other = await staff(app, username)
    const before = await applicationCount()
    const res = await intake(other, freshPerson())
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN' })
    expect(await applicationCount()).toBe(before)
  })

  it('no session is 401; a change without the console header is 403', async () => {
    const anonymous = wrap(await t.app.inject({ method: 'POST', url: `${API}/staff/window-applications`, headers: CSRF, payload: {} }))
    expect(anonymous.status).toBe(401)
    const person = freshPerson()
    const noHeader = await clerk.send('POST', '/staff/window-applications', { name: person.name, idNumber: person.idNumber, cardNumber: person.cardNumber }, { csrf: false })
    expect(noHeader.status).toBe(403)
    expect(noHeader.body.error).toMatchObject({ code: 'CSRF' })
  })

  it('a reviewer cannot read the intake endpoints either', async () => {
    const no = await filed(freshPerson())
    const reviewer = await staff(app, 'reviewer')
    expect((await reviewer.get(`/staff/window-applications/${no}`)).status).toBe(403)
    expect((await reviewer.get(`/staff/window-applications/${no}/receipt`)).status).toBe(403)
  })
})

describe('the originals, the submit, the receipt and the signature', () => {
  let person: Person
  let no: string
  beforeAll(async () => {
    person = freshPerson()
    no = await filed(person)
  })

  it('completes the form with PUT, and answers a wrong one with every problem, keeping what was entered', async () => {
    const wrong = await clerk.send('PUT', `/staff/window-applications/${no}`, returneeForm({}, { mobile: '12345' }))
    expect(wrong.status).toBe(422)
    expect(wrong.body.error).toMatchObject({ code: 'VALIDATION', field: 'details.mobile' })
    expect(JSON.parse((await row(no)).raw_json).details.mobile).toBe('12345')
    const right = await clerk.send('PUT', `/staff/window-applications/${no}`, returneeForm({}, { chsiVerificationCode: DEMO_CHSI_REPORTS[1].code.toLowerCase() }))
    expect(right.status).toBe(200)
    expect(right.body.eligibility).toMatchObject({ eligible: true, channel: 'window' })
    expect((right.body.application as ApplicationView).details?.chsiVerificationCode).toBe(DEMO_CHSI_REPORTS[1].code)
    expect((await auditRows('window-application-update', no)).length).toBe(2)
  })

  it('asks for the window’s originals; the 学信网 code replaces the student-record report', async () => {
    const view = (await clerk.get(`/staff/window-applications/${no}`)).body as unknown as WindowApplicationView
    expect(view.requiredDocuments.map((d) => [d.kind, d.replacedBy ?? null])).toEqual([
      ['id-card', null],
      ['hukou', null],
      ['social-security-card', null],
      ['graduation-certificate', null],
      ['degree-certificate', null],
      ['student-record-report', 'chsi-verification-code'],
    ])
    expect(view.applicant).toEqual({ name: person.name, idNumberMasked: maskIdNumber(person.idNumber), cardNumberMasked: expect.stringContaining('*') })
    expect(JSON.stringify(view)).not.toContain(person.idNumber)
    expect(view.chsi).toEqual({
      code: DEMO_CHSI_REPORTS[1].code,
      verifyUrl: 'https://www.chsi.com.cn/xlcx/bgcx.jsp',
      result: 'valid',
      report: { name: DEMO_CHSI_REPORTS[1].name, school: DEMO_CHSI_REPORTS[1].school, education: DEMO_CHSI_REPORTS[1].education },
      checkedAt: expect.any(String),
    })
    expect(view).toMatchObject({ filedBy: 'staff:clerk-jinshui', filedByName: '窗口经办王芳', receipt: null, window: { unit: '金水区' } })
  })

  it('gives photos the applicant’s answers: the wrong kind 422, a PDF 415, too large 413', async () => {
    const wrongKind = await uploadAs(clerk, no, 'business-license', await samplePhoto())
    expect(wrongKind.status).toBe(422)
    expect(wrongKind.body.error).toMatchObject({ code: 'KIND_NOT_REQUIRED', field: 'kind' })
    const pdf = await uploadAs(clerk, no, 'id-card', PDF_BYTES, 'application/pdf')
    expect(pdf.status).toBe(415)
    const huge = await uploadAs(clerk, no, 'id-card', Buffer.concat([await samplePhoto(), Buffer.alloc(6 * 1024 * 1024)]))
    expect(huge.status).toBe(413)
    expect(huge.body.error).toMatchObject({ code: 'TOO_LARGE' })
  })

  it('refuses to submit while originals are missing, and prints no receipt for a draft', async () => {
    const early = await clerk.send('POST', `/staff/window-applications/${no}/submit`)
    expect(early.status).toBe(422)
    expect(early.body.error).toMatchObject({ code: 'DOCUMENTS_MISSING' })
    const listed = (early.body.errors as { document?: string }[]).map((p) => p.document)
    expect(listed).toEqual(['id-card', 'hukou', 'social-security-card', 'graduation-certificate', 'degree-certificate'])
    expect((await clerk.get(`/staff/window-applications/${no}/receipt`)).status).toBe(409)
    expect((await clerk.send('POST', `/staff/window-applications/${no}/signed`)).status).toBe(409)
  })

  it('submits a returnee (whom the online form refuses) once every original is photographed', async () => {
    const kinds = await photographOriginals(no)
    expect(kinds).not.toContain('student-record-report')
    expect((await auditRows('window-photo-upload', no)).length).toBeGreaterThanOrEqual(kinds.length)
    const res = await clerk.send('POST', `/staff/window-applications/${no}/submit`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ applicationNo: no, status: 'submitted' })
    const history = await t.app.ctx.db.selectFrom('application_history').selectAll().where('application_id', '=', (await row(no)).id).execute()
    expect(history.map((h) => [h.event, h.actor])).toEqual([['submit', 'staff:clerk-jinshui']])
    expect(await auditRows('window-application-submit', no)).toHaveLength(1)
    const again = await clerk.send('POST', `/staff/window-applications/${no}/submit`)
    expect(again.status).toBe(409)
    expect((await clerk.send('PUT', `/staff/window-applications/${no}`, returneeForm())).status).toBe(409)
    expect((await uploadAs(clerk, no, 'id-card', await samplePhoto())).status).toBe(409)
  })

  it('prints the 业务办理回执: number, name, masked ID, what was received, clerk, window, date, a signature line, a print stylesheet', async () => {
    const res = await clerk.get(`/staff/window-applications/${no}/receipt`)
    expect(res.status).toBe(200)
    expect(res.raw.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.raw.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; frame-ancestors 'self'$/)
    const html = res.raw.body
    expect(html).toContain('业务办理回执')
    expect(html).toContain(no)
    expect(html).toContain(person.name)
    expect(html).toContain(maskIdNumber(person.idNumber))
    expect(html).not.toContain(person.idNumber)
    for (const kind of ['id-card', 'hukou', 'social-security-card', 'graduation-certificate', 'degree-certificate', 'student-record-report'] as const) {
      expect(html).toContain(DOCUMENT_LABELS[kind])
    }
    expect(html.match(/已核验原件，已拍照留存/g)).toHaveLength(5)
    expect(html).toContain(`以学信网在线验证码 ${DEMO_CHSI_REPORTS[1].code} 代替`)
    expect(html).toContain('窗口经办王芳')
    expect(html).toContain('金水区东风路与花园路政务服务中心1楼大厅')
    expect(html).toContain('0371-55560790')
    const today = t.app.ctx.clock.today()
    expect(html).toContain(`${today.slice(0, 4)}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`)
    expect(html).toContain('申请人签字')
    expect(html).toContain('@media print')
    expect(html).not.toMatch(/<script|src=|href=/)
    expect(await auditRows('window-receipt-print', no)).toHaveLength(1)
  })

  it('records the applicant’s signature once', async () => {
    const res = await clerk.send('POST', `/staff/window-applications/${no}/signed`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ applicationNo: no, signedAt: expect.any(String), recordedBy: 'staff:clerk-jinshui' })
    expect(await row(no)).toMatchObject({ receipt_signed_at: res.body.signedAt, receipt_signed_by: 'staff:clerk-jinshui' })
    const again = await clerk.send('POST', `/staff/window-applications/${no}/signed`)
    expect(again.body).toEqual(res.body)
    expect(await auditRows('window-receipt-signed', no)).toHaveLength(1)
    expect(((await clerk.get(`/staff/window-applications/${no}`)).body as unknown as WindowApplicationView).receipt).toEqual(res.body)
    expect((await clerk.get(`/staff/window-applications/${no}/receipt`)).raw.body).toContain('申请人已签字确认')
  })

  it('the applicant who binds later follows its progress on the phone', async () => {
    const phone = await login(app, `follows-${person.cardNumber}`, 'alipay')
    expect((await phone.bind(person)).status).toBe(200)
    const view = (await phone.get('/application')).body as unknown as ApplicationView
    expect(view).toMatchObject({ applicationNo: no, status: 'submitted', channel: 'window', window: { unit: '金水区' } })
    expect(view.timeline.map((s) => s.status)).toEqual(['submitted'])
    expect(view.documents).toHaveLength(5)
  })
})

describe('the 学信网 code', () => {
  it('an unknown code of the right form is shown as not found, with the link to check it by hand', async () => {
    const no = await filed(freshPerson(), returneeForm({}, { chsiVerificationCode: 'ABCD1234EFGH5678' }))
    const view = (await clerk.get(`/staff/window-applications/${no}`)).body as unknown as WindowApplicationView
    expect(view.chsi).toMatchObject({ code: 'ABCD1234EFGH5678', result: 'not-found', verifyUrl: 'https://www.chsi.com.cn/xlcx/bgcx.jsp' })
  })

  it('a malformed code is a form error naming the field', async () => {
    const res = await intake(clerk, freshPerson(), returneeForm({}, { chsiVerificationCode: '12345' }))
    expect(res.status).toBe(201)
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'details.chsiVerificationCode', code: 'CHSI_CODE_FORMAT' })])
  })

  it('no code: no check shown', async () => {
    const no = await filed(freshPerson())
    expect(((await clerk.get(`/staff/window-applications/${no}`)).body as unknown as WindowApplicationView).chsi).toBeNull()
  })
})

describe('a photo of a large original', () => {
  it('is processed like an applicant’s (the same photo service)', async () => {
    const no = await filed(freshPerson())
    const res = await uploadAs(clerk, no, 'id-card', await photo({ width: 3000, height: 2000 }))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ kind: 'id-card', photoId: expect.any(String) })
    expect(res.body.bytes as number).toBeLessThan(1024 * 1024)
  })
})
