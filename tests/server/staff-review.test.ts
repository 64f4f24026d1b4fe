/**
 * The back office's work on applications (docs/staff-api.md): the queue with its filters and
 * paging, one application with masked numbers, watermarked photos, the audited reveal, decisions
 * (stale version, races, four eyes), objections, notice batches and the 公示名单 .xlsx, the 工作台,
 * the audit rows of every audited action (the Bearer /review API's included), and an audit log
 * the database itself refuses to rewrite.
 */
import ExcelJS from 'exceljs'
import sharp from 'sharp'
import { creditCodeCheckChar, DOCUMENT_REASONS, FIELD_REASONS, type Paged, type StaffApplicationDetail, type StaffOverview, type StaffQueueItem } from '@zhihui/core'
import { sql } from 'kysely'
import { runReviewCommand } from '../../packages/server/src/cli/review-commands'
import { createMemoryRegistry } from '../../packages/server/src/registry/memory-registry'
import { watermarkSvg, watermarkText } from '../../packages/server/src/services/staff/watermark'
import { overdueCutoff } from '../../packages/server/src/services/staff/staff-review-service'
import { readyApplicant, reviewer, samplePhoto, validForm, type Client } from './helpers/client'
import { testPerson, testRegistry } from './helpers/people'
import { staff, type StaffClient } from './helpers/staff'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

// People with names of their own, for the name search (the registry must know them).
const LI_MING = testPerson(300, { name: '李明' })
const LI_HUA = testPerson(301, { name: '李华' })
const WANG_WEI = testPerson(302, { name: '王伟' })

// The PostgreSQL project (root jest.config.js) does not inherit tests/server's 20 s timeout.
jest.setTimeout(60_000)
let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp({ build: { registry: createMemoryRegistry([...testRegistry(), LI_MING, LI_HUA, WANG_WEI]) } })
})
afterAll(() => t.close())

type Form = ReturnType<typeof validForm>
const inDistrict = (district: string, facts: Record<string, unknown> = {}): Form =>
  validForm({ facts: { hukou: { inZhengzhou: true, district, settledOn: '2024-08-15' }, ...facts } })

async function file(code: string, person: ReturnType<typeof testPerson>, form: Form = validForm()): Promise<{ client: Client; no: string }> {
  const client = await readyApplicant(app, code, person, form)
  const res = await client.submit(`key-${code}`)
  if (res.status !== 200) throw new Error(`submit failed: ${JSON.stringify(res.body)}`)
  return { client, no: res.body.applicationNo as string }
}

const auditRows = (action: string, target?: string) => {
  let query = t.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action)
  if (target !== undefined) query = query.where('target', '=', target)
  return query.orderBy('at').execute()
}

const page = (res: { body: Record<string, unknown> }) => res.body as unknown as Paged<StaffQueueItem>
const nos = (res: { body: Record<string, unknown> }) => page(res).items.map((i) => i.applicationNo)
const CREDIT_CODE = `91410100MA44CKQ3X${creditCodeCheckChar('91410100MA44CKQ3X')}`
const REASON = { target: 'graduation-certificate', code: 'UNREADABLE', message: DOCUMENT_REASONS['graduation-certificate'][0]!.message }

describe('the queue', () => {
  let a: string // 李明, 金水区, bachelor
  let b: string // 李华, 二七区, master
  let c: string // 王伟, 金水区, bachelor
  let rev: StaffClient
  beforeAll(async () => {
    a = (await file('q-a', LI_MING)).no
    b = (await file('q-b', LI_HUA, inDistrict('二七区', { education: 'master' }))).no
    c = (await file('q-c', WANG_WEI)).no
    rev = await staff(app, 'reviewer')
  })

  it('lists submitted applications with the queue columns, oldest first', async () => {
    const res = await rev.get('/staff/applications?status=submitted')
    expect(res.status).toBe(200)
    const listed = page(res)
    expect(listed).toMatchObject({ page: 1, pageSize: 20, total: 3 })
    expect(listed.items.map((i) => i.applicationNo)).toEqual([a, b, c])
    expect(listed.items[1]).toEqual({
      applicationNo: b,
      status: 'submitted',
      name: '李华',
      district: '二七区',
      education: 'master',
      channel: 'online',
      submittedAt: expect.any(String),
    })
  })

  it('filters by district, education, channel, dates, number and name prefix', async () => {
    expect(nos(await rev.get(`/staff/applications?district=${encodeURIComponent('二七区')}`))).toEqual([b])
    expect(nos(await rev.get('/staff/applications?education=master'))).toEqual([b])
    expect(nos(await rev.get('/staff/applications?education=bachelor&status=submitted'))).toEqual([a, c])
    expect(page(await rev.get('/staff/applications?channel=window')).total).toBe(0)
    expect(nos(await rev.get(`/staff/applications?from=${TODAY}&to=${TODAY}`))).toEqual([a, b, c])
    expect(page(await rev.get('/staff/applications?from=2026-12-01')).total).toBe(0)
    expect(page(await rev.get('/staff/applications?to=2026-11-29')).total).toBe(0)
    expect(nos(await rev.get(`/staff/applications?q=${c}`))).toEqual([c])
    expect(nos(await rev.get(`/staff/applications?q=${c.toLowerCase()}`))).toEqual([c])
    expect(nos(await rev.get(`/staff/applications?q=${encodeURIComponent('李')}`))).toEqual([a, b])
    expect(nos(await rev.get(`/staff/applications?q=${encodeURIComponent('李明')}`))).toEqual([a])
    expect(page(await rev.get(`/staff/applications?q=${encodeURIComponent('明')}`)).total).toBe(0)
    expect(nos(await rev.get('/staff/applications?status=submitted,under-review'))).toEqual([a, b, c])
  })

  it('pages on the server, with the total of the whole filter', async () => {
    const q = `q=${encodeURIComponent('李')}&pageSize=1`
    const first = page(await rev.get(`/staff/applications?${q}&page=1`))
    const second = page(await rev.get(`/staff/applications?${q}&page=2`))
    const third = page(await rev.get(`/staff/applications?${q}&page=3`))
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 1 })
    expect([...first.items, ...second.items].map((i) => i.applicationNo)).toEqual([a, b])
    expect(third).toEqual({ items: [], total: 2, page: 3, pageSize: 1 })
  })

  it.each([
    ['status=lost', 'status'],
    ['status=draft', 'status'],
    [`district=${encodeURIComponent('北京市')}`, 'district'],
    ['education=phd', 'education'],
    ['channel=mail', 'channel'],
    ['from=2026-02-30', 'from'],
    ['to=30-11-2026', 'to'],
    ['from=2026-12-01&to=2026-11-30', 'to'],
    ['page=0', 'page'],
    ['pageSize=101', 'pageSize'],
    ['q=%25%25', 'q'],
    ['district=a&district=b', 'district'],
  ])('refuses %s with a Chinese 422 naming %s', async (query, field) => {
    const res = await rev.get(`/staff/applications?${query}`)
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field, message: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })

  it("shows a window clerk only its own district's applications (hukou, or filed at its window)", async () => {
    const clerk = await staff(app, 'clerk-jinshui')
    expect(nos(await clerk.get(`/staff/applications?q=${encodeURIComponent('李')}`))).toEqual([a])
    expect(page(await clerk.get(`/staff/applications?district=${encodeURIComponent('二七区')}`)).total).toBe(0)
    expect((await clerk.get(`/staff/applications/${b}`)).status).toBe(404)
    await t.app.ctx.db.updateTable('applications').set({ window_district: '金水区', channel: 'window' }).where('application_no', '=', b).execute()
    try {
      expect(nos(await clerk.get(`/staff/applications?q=${encodeURIComponent('李')}`))).toEqual([a, b])
      expect(nos(await clerk.get('/staff/applications?channel=window'))).toEqual([b])
      expect((await clerk.get(`/staff/applications/${b}`)).status).toBe(200)
    } finally {
      await t.app.ctx.db.updateTable('applications').set({ window_district: null, channel: 'online' }).where('application_no', '=', b).execute()
    }
    // The HR bureau's supervisor and payments officers see everything.
    for (const who of ['bureau-hr', 'payments']) {
      expect(nos(await (await staff(app, who)).get(`/staff/applications?q=${encodeURIComponent('李')}`))).toEqual([a, b])
    }
  })
})

describe('one application', () => {
  const person = testPerson(10)
  let no: string
  let client: Client
  let rev: StaffClient
  beforeAll(async () => {
    ;({ no, client } = await file('d-1', person))
    rev = await staff(app, 'reviewer')
  })

  it('shows facts, eligibility rechecked, documents, history and actions, numbers masked (audited)', async () => {
    const res = await rev.get(`/staff/applications/${no}`)
    expect(res.status).toBe(200)
    const detail = res.body as unknown as StaffApplicationDetail
    const text = JSON.stringify(detail)
    expect(text).not.toContain(person.idNumber)
    expect(text).not.toContain(person.cardNumber)
    expect(detail).toMatchObject({
      applicationNo: no,
      status: 'submitted',
      statusLabel: '已提交',
      channel: 'online',
      applicant: { name: person.name, idNumberMasked: `4101**********${person.idNumber.slice(-4)}`, cardIssued: true, pensionMonths: 12 },
      eligibility: { eligible: true, subsidy: { monthlyYuan: 500 } },
      actions: ['approve', 'reject'],
      version: expect.any(Number),
    })
    expect(detail.applicant?.cardNumberMasked).not.toBe(person.cardNumber)
    expect(detail.requiredDocuments.map((d) => d.kind).sort()).toEqual(['degree-certificate', 'graduation-certificate', 'hukou', 'id-card'])
    expect(detail.documents.map((d) => d.kind).sort()).toEqual(['degree-certificate', 'graduation-certificate', 'hukou', 'id-card'])
    expect(detail.history).toEqual([
      { from: 'draft', status: 'submitted', event: 'submit', actor: expect.stringMatching(/^applicant:/), actorName: null, note: null, at: expect.any(String) },
    ])
    const views = await auditRows('application-view', no)
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ actor: 'staff:reviewer', actor_name: '审核员李静', actor_bureau: '人社局' })

    // Payments officers read it too, but may not decide.
    expect(((await (await staff(app, 'payments')).get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail).actions).toEqual([])
    // Unknown and malformed numbers: 404.
    expect((await rev.get('/staff/applications/ZZ2026113099999')).status).toBe(404)
    expect((await rev.get('/staff/applications/not-a-number')).status).toBe(404)
  })

  it('draws the viewer and the time across a photo, server-side (audited with the kind)', async () => {
    const detail = (await rev.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail
    const doc = detail.documents.find((d) => d.kind === 'id-card')!
    const res = await app().inject({
      method: 'GET',
      url: `/api/v1/staff/applications/${no}/photos/${doc.photoId}`,
      headers: { cookie: `zh_staff=${rev.cookie}` },
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/jpeg')
    expect(res.headers['cache-control']).toBe('private, no-store')
    const original = (await client.get(`/application/photos/${doc.photoId}`)).raw.rawPayload
    const [marked, stored] = await Promise.all([
      sharp(res.rawPayload).raw().toBuffer({ resolveWithObject: true }),
      sharp(original).raw().toBuffer({ resolveWithObject: true }),
    ])
    expect(marked.info.format).toBe('raw')
    expect([marked.info.width, marked.info.height]).toEqual([stored.info.width, stored.info.height])
    // Not the stored photo: a visible share of the pixels changed clearly (the text), not just JPEG noise.
    let changed = 0
    for (let i = 0; i < marked.data.length; i += 3) {
      const diff = Math.abs(marked.data[i]! - stored.data[i]!) + Math.abs(marked.data[i + 1]! - stored.data[i + 1]!) + Math.abs(marked.data[i + 2]! - stored.data[i + 2]!)
      if (diff > 60) changed += 1
    }
    expect(changed / (marked.data.length / 3)).toBeGreaterThan(0.02)

    const views = await auditRows('photo-view', no)
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ actor: 'staff:reviewer' })
    expect(JSON.parse(views[0]!.detail_json!)).toEqual({ kind: 'id-card', photoId: doc.photoId })

    // Unknown photo, or the photo id of another application: 404.
    expect((await rev.get(`/staff/applications/${no}/photos/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
  })

  it('writes the name, the username (legible without a CJK font) and the China time into the watermark', () => {
    const text = watermarkText({ name: '审核员李静', username: 'reviewer' }, new Date('2026-11-30T06:05:00Z'))
    expect(text).toBe('审核员李静 reviewer 2026-11-30 14:05')
    const svg = watermarkSvg(800, 600, `${text} <&>`)
    expect(svg).toContain('reviewer 2026-11-30 14:05 &lt;&amp;&gt;')
    expect(svg.match(/<text /g)!.length).toBeGreaterThan(10)
  })

  it('reveals an ID or card number to reviewers and payments officers only, audited without the number', async () => {
    const id = await rev.send('POST', `/staff/applications/${no}/reveal`, { field: 'idNumber' })
    expect(id.status).toBe(200)
    expect(id.body).toEqual({ field: 'idNumber', value: person.idNumber })
    expect(id.raw.headers['cache-control']).toBe('private, no-store')
    const card = await (await staff(app, 'payments')).send('POST', `/staff/applications/${no}/reveal`, { field: 'cardNumber' })
    expect(card.body).toEqual({ field: 'cardNumber', value: person.cardNumber })
    const bad = await rev.send('POST', `/staff/applications/${no}/reveal`, { field: 'mobile' })
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ field: 'field' })
    expect((await (await staff(app, 'bureau-hr')).send('POST', `/staff/applications/${no}/reveal`, { field: 'idNumber' })).status).toBe(403)

    const rows = await auditRows('number-reveal', no)
    expect(rows.map((r) => [r.actor, JSON.parse(r.detail_json!)])).toEqual([
      ['staff:reviewer', { field: 'idNumber' }],
      ['staff:payments', { field: 'cardNumber' }],
    ])
    expect(JSON.stringify(rows)).not.toContain(person.idNumber)
    expect(JSON.stringify(rows)).not.toContain(person.cardNumber)
  })
})

describe('decisions and objections', () => {
  it('refuses a stale version with 409 已被他人处理, and decides with the current one', async () => {
    const { no } = await file('dec-stale', testPerson(20))
    const rev = await staff(app, 'reviewer')
    const { version } = (await rev.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail
    const stale = await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve', version: version - 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'CONCURRENT_UPDATE', message: expect.stringMatching(/^已被他人处理/) })
    const bad = await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve', version: 'x' })
    expect(bad.body.error).toMatchObject({ field: 'version' })
    const ok = await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve', version })
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ applicationNo: no, status: 'public-notice' })
    // The version the reviewer saw is now stale too.
    const again = await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'reject', reasons: [REASON], version })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'CONCURRENT_UPDATE', message: expect.stringMatching(/^已被他人处理/) })
  })

  it('lets one of two concurrent decisions win; the other gets 409 已被他人处理 and leaves no trace', async () => {
    const { no } = await file('dec-race', testPerson(21))
    const [one, two] = await Promise.all([staff(app, 'reviewer'), staff(app, 'reviewer')])
    const { version } = (await one.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail
    const [a, b] = await Promise.all([
      one.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve', version }),
      two.send('POST', `/staff/applications/${no}/decision`, { decision: 'reject', reasons: [REASON], version }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    expect(loser.body.error).toMatchObject({ code: 'CONCURRENT_UPDATE', message: expect.stringMatching(/^已被他人处理/) })
    const detail = (await one.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail
    expect(detail.history.map((h) => h.event)).toEqual(['submit', 'start-review', a.status === 200 ? 'approve' : 'reject'])
    expect(await auditRows('decision', no)).toHaveLength(1)
  })

  it('gives the applicant the reason exactly as chosen; history and audit name the reviewer', async () => {
    const { no, client } = await file('dec-reason', testPerson(22))
    const rev = await staff(app, 'reviewer')
    const reasons = [REASON, { target: 'details.mobile', code: 'WRONG', message: `${FIELD_REASONS[0]!.message}（手机号少一位）` }]
    const res = await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'reject', reasons })
    expect(res.body).toEqual({ applicationNo: no, status: 'rejected' })
    const seen = await client.get('/application')
    expect(seen.body.status).toBe('rejected')
    expect(seen.body.rejection).toEqual({ reasons })
    const detail = (await rev.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail
    expect(detail.rejection).toEqual({ reasons })
    expect(detail.actions).toEqual([])
    expect(detail.history.slice(1)).toEqual([
      expect.objectContaining({ event: 'start-review', actor: 'staff:reviewer', actorName: '审核员李静' }),
      expect.objectContaining({ event: 'reject', actor: 'staff:reviewer', actorName: '审核员李静', note: reasons.map((r) => r.message).join('；') }),
    ])
    const rows = await auditRows('decision', no)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actor: 'staff:reviewer', actor_name: '审核员李静', actor_bureau: '人社局', ip: expect.any(String) })
    expect(JSON.parse(rows[0]!.detail_json!)).toEqual({
      decision: 'reject',
      from: 'submitted',
      status: 'rejected',
      reasons: reasons.map((r) => ({ target: r.target, code: r.code })),
    })
  })

  it('refuses a decision by the clerk who filed the application (four eyes), audited', async () => {
    const { no } = await file('dec-four-eyes', testPerson(23))
    // An account that is both a window clerk and a reviewer filed it at its window.
    await t.app.ctx.db.updateTable('applications').set({ channel: 'window', filed_by: 'staff:reviewer', window_district: '金水区' }).where('application_no', '=', no).execute()
    const rev = await staff(app, 'reviewer')
    expect(((await rev.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail).actions).toEqual([])
    const refused = await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve' })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({ code: 'FOUR_EYES' })
    expect(await auditRows('decision-refused', no)).toEqual([expect.objectContaining({ actor: 'staff:reviewer', target: no })])
    expect(await auditRows('decision', no)).toEqual([])
    expect(((await rev.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail).status).toBe('submitted')
  })

  it('registers an objection during the notice (audited) and serves the rejection catalogue', async () => {
    const { no } = await file('dec-object', testPerson(24))
    const rev = await staff(app, 'reviewer')
    await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve' })
    expect((await (await staff(app, 'payments')).send('POST', '/staff/notices', { applicationNos: [no] })).status).toBe(200)
    expect(((await rev.get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail).actions).toEqual(['object'])
    const noNote = await rev.send('POST', `/staff/applications/${no}/objection`, {})
    expect(noNote.status).toBe(422)
    const objected = await rev.send('POST', `/staff/applications/${no}/objection`, { note: '有群众反映其未在郑就业' })
    expect(objected.status).toBe(200)
    expect(objected.body).toEqual({ applicationNo: no, status: 'under-review' })
    const rows = await auditRows('objection', no)
    expect(rows).toHaveLength(1)
    expect(JSON.parse(rows[0]!.detail_json!)).toMatchObject({ note: '有群众反映其未在郑就业' })

    const catalogue = await rev.get('/staff/rejection-reasons')
    expect(catalogue.status).toBe(200)
    expect(catalogue.body).toEqual({ documents: DOCUMENT_REASONS, fields: FIELD_REASONS })
  })
})

describe('notice batches and the 公示名单', () => {
  it('creates a batch, lists and shows it, and exports the list as .xlsx (audited)', async () => {
    const rev = await staff(app, 'reviewer')
    const pay = await staff(app, 'payments')
    const employed = await file('n-1', testPerson(30))
    const selfEmployed = await file('n-2', testPerson(31), validForm({ facts: { employment: { kind: 'self-employed', employer: '郑州某某科技有限公司', creditCode: CREDIT_CODE } } }))
    const unemployed = await file('n-3', testPerson(32), validForm({ facts: { employment: { kind: 'unemployed' }, education: 'master' } }))
    const all = [employed.no, selfEmployed.no, unemployed.no]
    for (const no of all) expect((await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve' })).status).toBe(200)

    const created = await pay.send('POST', '/staff/notices', { applicationNos: all })
    expect(created.status).toBe(200)
    const batch = created.body.batch as { id: string; start: string; end: string }
    expect(created.body.batch).toEqual({
      id: expect.any(String),
      start: TODAY,
      end: expect.stringMatching(/^2026-12-\d\d$/),
      holidaysKnown: expect.any(Boolean),
      createdBy: 'staff:payments',
      createdAt: expect.any(String),
      size: 3,
      ended: false,
    })
    expect(await auditRows('notice-create', batch.id)).toEqual([expect.objectContaining({ actor: 'staff:payments' })])
    expect(JSON.parse((await auditRows('notice-create', batch.id))[0]!.detail_json!)).toEqual({ applicationNos: all })

    const listed = await rev.get('/staff/notices')
    expect(listed.status).toBe(200)
    expect((listed.body.items as { id: string }[]).map((i) => i.id)).toContain(batch.id)

    const detail = await (await staff(app, 'bureau-hr')).get(`/staff/notices/${batch.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.items).toEqual([
      { applicationNo: employed.no, name: '张测试', idNumberMasked: `4101**********${testPerson(30).idNumber.slice(-4)}`, education: 'bachelor', employer: '郑州宇通客车股份有限公司', monthlyYuan: 500, status: 'public-notice' },
      { applicationNo: selfEmployed.no, name: '张测试', idNumberMasked: expect.stringMatching(/^4101\*{10}/), education: 'bachelor', employer: '自主创业', monthlyYuan: 500, status: 'public-notice' },
      { applicationNo: unemployed.no, name: '张测试', idNumberMasked: expect.stringMatching(/^4101\*{10}/), education: 'master', employer: '暂未就业', monthlyYuan: expect.any(Number), status: 'public-notice' },
    ])

    const res = await app().inject({ method: 'GET', url: `/api/v1/staff/notices/${batch.id}/list.xlsx`, headers: { cookie: `zh_staff=${pay.cookie}` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const disposition = String(res.headers['content-disposition'])
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`公示名单_${batch.start}至${batch.end}.xlsx`)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(1)[0]).toBe(`郑州市青年人才生活补贴拟发放人员名单（公示期：${batch.start} 至 ${batch.end}）`)
    expect(values(2)).toEqual(['序号', '申请编号', '姓名', '身份证号（脱敏）', '学历', '工作单位', '补贴标准（元/月）'])
    expect(values(3)).toEqual([1, employed.no, '张测试', `4101**********${testPerson(30).idNumber.slice(-4)}`, '全日制本科', '郑州宇通客车股份有限公司', 500])
    expect(values(4)).toEqual([2, selfEmployed.no, '张测试', expect.stringMatching(/^4101\*{10}/), '全日制本科', '自主创业', 500])
    expect(values(5)).toEqual([3, unemployed.no, '张测试', expect.stringMatching(/^4101\*{10}/), '硕士研究生', '暂未就业', expect.any(Number)])
    expect(sheet.rowCount).toBe(5)
    expect(JSON.stringify(values(3))).not.toContain(testPerson(30).idNumber)

    const exports = await auditRows('notice-export', batch.id)
    expect(exports).toEqual([expect.objectContaining({ actor: 'staff:payments' })])
    expect(JSON.parse(exports[0]!.detail_json!)).toEqual({ rows: 3 })
  })

  it('answers 409 EMPTY_BATCH for a batch every application left, and 404 for an unknown batch', async () => {
    const rev = await staff(app, 'reviewer')
    const pay = await staff(app, 'payments')
    const { no } = await file('n-empty', testPerson(33))
    await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'approve' })
    const batch = (await pay.send('POST', '/staff/notices', { applicationNos: [no] })).body.batch as { id: string }
    await rev.send('POST', `/staff/applications/${no}/objection`, { note: '异议' })
    const empty = await pay.get(`/staff/notices/${batch.id}/list.xlsx`)
    expect(empty.status).toBe(409)
    expect(empty.body.error).toMatchObject({ code: 'EMPTY_BATCH', message: expect.stringContaining('没有可导出的公示名单') })
    expect((await pay.get(`/staff/notices/${batch.id}`)).body).toMatchObject({ size: 0, items: [] })
    expect(await auditRows('notice-export', batch.id)).toEqual([])
    expect((await pay.get('/staff/notices/00000000-0000-4000-8000-000000000000/list.xlsx')).status).toBe(404)
    expect((await pay.get('/staff/notices/nope')).status).toBe(404)
    const refused = await pay.send('POST', '/staff/notices', { applicationNos: [no] })
    expect(refused.status).toBe(409)
  })
})

describe('the 工作台', () => {
  it('counts by status, lists what waits for me again, the overdue, and ended notices', async () => {
    const rev = await staff(app, 'reviewer')
    const { no, client } = await file('o-mine', testPerson(40))
    await rev.send('POST', `/staff/applications/${no}/decision`, { decision: 'reject', reasons: [REASON] })
    // The applicant fixes the photo and resubmits: it waits for the reviewer who rejected it.
    const up = await client.upload('graduation-certificate', await samplePhoto())
    expect(up.status).toBe(200)
    expect((await client.submit('key-o-mine-2')).status).toBe(200)

    // One rejected by a review token and resubmitted is not this reviewer's.
    const { no: theirs, client: theirClient } = await file('o-theirs', testPerson(41))
    await reviewer(app).send('POST', `/review/applications/${theirs}/decision`, { decision: 'reject', reasons: [REASON] })
    expect((await theirClient.upload('graduation-certificate', await samplePhoto())).status).toBe(200)
    expect((await theirClient.submit('key-o-theirs-2')).status).toBe(200)

    const overview = (await rev.get('/staff/overview')).body as unknown as StaffOverview
    expect(overview.overdueDays).toBe(10)
    const mine = overview.mine.map((i) => i.applicationNo)
    expect(mine).toContain(no)
    expect(mine).not.toContain(theirs)
    // The rest are those this reviewer's objections sent back to review (earlier tests).
    expect(overview.mine.filter((i) => i.applicationNo !== no).every((i) => i.status === 'under-review')).toBe(true)
    expect(overview.overdue).toEqual([])
    expect(overview.counts.submitted).toBeGreaterThan(0)
    const { total } = page(await rev.get('/staff/applications?status=submitted'))
    expect(overview.counts.submitted).toBe(total)

    // Another reviewer has nothing of its own waiting.
    const other = (await (await staff(app, 'payments')).get('/staff/overview')).body as unknown as StaffOverview
    expect(other.mine).toEqual([])

    // 10 working days after 2026-11-30 is 2026-12-14; on the 15th those submitted on the 30th are overdue.
    expect(overdueCutoff('2026-12-14')).toBe('2026-11-30')
    expect(overdueCutoff('2026-12-15')).toBe('2026-12-01')
    try {
      app().ctx.clock.setToday('2026-12-14')
      const notYet = (await (await staff(app, 'reviewer')).get('/staff/overview')).body as unknown as StaffOverview
      expect(notYet.overdue).toEqual([])
      app().ctx.clock.setToday('2026-12-15')
      const late = (await (await staff(app, 'reviewer')).get('/staff/overview')).body as unknown as StaffOverview
      const waiting = page(await (await staff(app, 'reviewer')).get('/staff/applications?status=submitted,under-review&pageSize=100'))
      expect(late.overdue.map((i) => i.applicationNo).sort()).toEqual(waiting.items.map((i) => i.applicationNo).sort())
      expect(late.overdue.length).toBeGreaterThan(0)
      // Notices of 2026-11-30 ended on or before 2026-12-08: their applications wait to be paid.
      expect(late.noticesEnded).toBeGreaterThan(0)
      const clerk = (await (await staff(app, 'clerk-jinshui')).get('/staff/overview')).body as unknown as StaffOverview
      expect(clerk.overdue.every((i) => i.district === '金水区')).toBe(true)
    } finally {
      app().ctx.clock.setToday(TODAY)
    }
  })
})

describe('the Bearer /review API acts as a named, audited actor', () => {
  it('audits its decisions, objections, notices and photo views', async () => {
    const { no } = await file('bearer', testPerson(50))
    const bearer = reviewer(app)
    const detail = await bearer.get(`/review/applications/${no}`)
    const photoId = (detail.body.documents as { photoId: string; kind: string }[])[0]!.photoId
    expect((await bearer.get(`/review/applications/${no}/photos/${photoId}`)).status).toBe(200)
    expect((await bearer.send('POST', `/review/applications/${no}/decision`, { decision: 'approve' })).status).toBe(200)
    const notice = await bearer.send('POST', '/review/notices', { applicationNos: [no] })
    expect(notice.status).toBe(200)
    expect((await bearer.send('POST', `/review/applications/${no}/objection`, { note: '异议' })).status).toBe(200)

    const rows = await t.app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) => eb.or([eb('target', '=', no), eb('target', '=', (notice.body.batch as { id: string }).id)]))
      .orderBy('at')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['photo-view', 'decision', 'notice-create', 'objection'])
    for (const row of rows) expect(row).toMatchObject({ actor: expect.stringMatching(/^reviewer:[0-9a-f]{8}$/), actor_name: null, actor_bureau: null })
    // The HR bureau's supervisor reads them in its audit log.
    const log = await (await staff(app, 'bureau-hr')).get(`/staff/audit?action=decision&actor=${encodeURIComponent(rows[1]!.actor)}`)
    expect((log.body.items as { target: string }[]).map((i) => i.target)).toContain(no)
  })
})

describe('the review CLI acts as a named, audited actor', () => {
  it('audits its decisions and objections under reviewer-cli:<user>', async () => {
    const { no } = await file('cli', testPerson(51))
    const lines: string[] = []
    expect(await runReviewCommand(['approve', no], t.app.ctx, (line) => lines.push(line))).toBe(0)
    const rows = await auditRows('decision', no)
    expect(rows).toEqual([expect.objectContaining({ actor: expect.stringMatching(/^reviewer-cli:/), actor_name: null, actor_bureau: null })])
    const detail = (await (await staff(app, 'reviewer')).get(`/staff/applications/${no}`)).body as unknown as StaffApplicationDetail
    expect(detail.history.at(-1)).toMatchObject({ event: 'approve', actor: rows[0]!.actor, actorName: null })
  })
})

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE even through raw SQL', async () => {
    const db = t.app.ctx.db
    const before = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
    expect(Number(before.n)).toBeGreaterThan(0)
    // The message, not toThrow: better-sqlite3's native module outlives a test file in a Jest
    // worker, so its errors may come from another file's realm and fail `instanceof Error`.
    const refusal = (run: Promise<unknown>) => run.then(() => 'done', (error: unknown) => String((error as { message?: unknown }).message ?? error))
    expect(await refusal(sql`update audit_log set actor = 'someone-else'`.execute(db))).toMatch(/append-only/)
    expect(await refusal(sql`delete from audit_log`.execute(db))).toMatch(/append-only/)
    expect(await refusal(db.deleteFrom('audit_log').where('action', '=', 'application-view').execute())).toMatch(/append-only/)
    expect(await refusal(db.updateTable('audit_log').set({ ip: null }).where('action', '=', 'decision').execute())).toMatch(/append-only/)
    const after = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect(await db.selectFrom('audit_log').select('actor').where('actor', '=', 'someone-else').execute()).toEqual([])
  })
})

describe('a notice batch whose period has ended starts paying from the console', () => {
  it('refuses before the end, starts the batch after it (arrears decided, audited), then has nothing left to start', async () => {
    const { no } = await file('start-pay', testPerson(70))
    expect((await (await staff(app, 'reviewer')).send('POST', `/staff/applications/${no}/decision`, { decision: 'approve' })).status).toBe(200)
    const officer = await staff(app, 'payments')
    const created = await officer.send('POST', '/staff/notices', { applicationNos: [no] })
    expect(created.status).toBe(200)
    const batch = created.body.batch as { id: string; end: string }

    const early = await officer.send('POST', `/staff/notices/${batch.id}/start-payments`, {})
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'NOTICE_NOT_ENDED', message: `公示期至${batch.end}结束，次日起才能开始发放。` })
    // Only the payments officer decides it, whatever the console shows.
    expect((await (await staff(app, 'reviewer')).send('POST', `/staff/notices/${batch.id}/start-payments`, {})).status).toBe(403)

    try {
      app().ctx.clock.setToday('2026-12-31')
      // A month on, the morning's session has long expired: the officer signs in again.
      const later = await staff(app, 'payments')
      const started = await later.send('POST', `/staff/notices/${batch.id}/start-payments`, {})
      expect(started.status).toBe(200)
      expect(started.body.started).toEqual([no])
      expect((started.body.batch as { items: { applicationNo: string; status: string }[] }).items).toEqual([
        expect.objectContaining({ applicationNo: no, status: 'paying' }),
      ])
      // The applicant's ledger has the months due so far, paid from the month conditions were met.
      const ledger = await later.get(`/staff/applications/${no}/ledger`)
      expect(ledger.body.status).toBe('paying')
      const entitlement = ledger.body.entitlement as { paidMonths: number; paidYuan: number; monthlyYuan: number }
      const lines = ledger.body.lines as { status: string; amountYuan: number }[]
      expect(entitlement.paidMonths).toBeGreaterThan(0)
      expect(lines.filter((line) => line.status === 'paid')).toHaveLength(entitlement.paidMonths)
      expect(entitlement.paidYuan).toBe(entitlement.paidMonths * entitlement.monthlyYuan)
      expect(await auditRows('payment-start', batch.id)).toEqual([expect.objectContaining({ actor: 'staff:payments', target: batch.id })])

      const again = await later.send('POST', `/staff/notices/${batch.id}/start-payments`, {})
      expect(again.status).toBe(409)
      expect(again.body.error).toMatchObject({ code: 'NOTHING_TO_START' })
    } finally {
      app().ctx.clock.setToday(TODAY)
    }
  })
})
