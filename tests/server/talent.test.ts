/**
 * High-level talent services (design.md): verification against the talent registry, one-tap
 * requests (Idempotency-Key), the request life with texts and audit rows, ratings and their
 * refusals, complaints with due dates, the three layers' scopes, statistics, news, and the push of
 * a new request to a connected staff stream (a real port, read with fetch).
 */
import { complaintDue, parseIdNumber, TALENT_OFFICE, TALENT_TIER_IDS, type StaffTalentRequest, type TalentRequestView } from '@zhihui/core'
import sharp from 'sharp'
import { DEMO_TALENTS } from '../../packages/server/src/registry/demo-talents'
import { eventFor, keepAlive, KEEP_ALIVE_MS } from '../../packages/server/src/routes/staff/talent-stream'
import { login, type Client, type Sent } from './helpers/client'
import { staff, type StaffClient } from './helpers/staff'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

// The root config's projects do not carry tests/server's testTimeout, and starting an app on a
// fresh PostgreSQL schema takes several seconds on a loaded machine.
jest.setTimeout(60_000)

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const [WANG, LI, CHEN, ZHAO, YANG] = DEMO_TALENTS as [
  (typeof DEMO_TALENTS)[number],
  (typeof DEMO_TALENTS)[number],
  (typeof DEMO_TALENTS)[number],
  (typeof DEMO_TALENTS)[number],
  (typeof DEMO_TALENTS)[number],
]

async function verified(code: string, talent: (typeof DEMO_TALENTS)[number], mobile = '13803710001'): Promise<Client> {
  const client = await login(app, code)
  const res = await client.send('POST', '/talent/verification', {
    consent: true,
    name: talent.name,
    idNumber: talent.idNumber,
    certificateNo: talent.certificateNo,
    mobile,
  })
  if (res.status !== 200) throw new Error(`verification failed: ${res.status} ${JSON.stringify(res.body)}`)
  return client
}

let keys = 0
const file = (client: Client, serviceId: string, key = `k-${++keys}`): Promise<Sent> =>
  client.send('POST', '/talent/requests', { serviceId }, { 'idempotency-key': key })

async function filed(client: Client, serviceId: string): Promise<string> {
  const res = await file(client, serviceId)
  if (res.status !== 200) throw new Error(`file failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.requestId as string
}

const arrangement = { when: '2026-12-02 09:30', where: '郑州市教育局二楼接待室', who: '刘洋', phone: '0371-12345678' }

/** Confirm, arrange and finish as service-edu. */
async function serve(edu: StaffClient, requestId: string): Promise<void> {
  for (const [step, body] of [['confirm', undefined], ['arrange', arrangement], ['done', undefined]] as const) {
    const res = await edu.send('POST', `/staff/talent/requests/${requestId}/${step}`, body)
    if (res.status !== 200) throw new Error(`${step} failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

const mine = async (client: Client, requestId: string): Promise<TalentRequestView> => {
  const res = await client.get('/talent/requests')
  const found = (res.body.requests as TalentRequestView[]).find((r) => r.requestId === requestId)
  if (found === undefined) throw new Error(`request ${requestId} not listed`)
  return found
}

describe('verification against the talent registry', () => {
  it('has one demo talent per tier, each with an ID number core accepts', () => {
    expect(DEMO_TALENTS.map((d) => d.tier)).toEqual([...TALENT_TIER_IDS])
    for (const demo of DEMO_TALENTS) expect(parseIdNumber(demo.idNumber, { today: TODAY }).ok).toBe(true)
  })

  it('needs consent first, as the card binding does', async () => {
    const client = await login(app, 'tv-consent')
    const res = await client.send('POST', '/talent/verification', { name: WANG.name, idNumber: WANG.idNumber, certificateNo: WANG.certificateNo })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'consent' })
  })

  it('tells someone not in the registry so kindly, with the talent office’s phone, and files nothing', async () => {
    const client = await login(app, 'tv-stranger')
    const res = await client.send('POST', '/talent/verification', {
      consent: true,
      name: WANG.name,
      idNumber: WANG.idNumber,
      certificateNo: 'GCC99999999',
    })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'TALENT_NOT_FOUND' })
    expect((res.body.error as { message: string }).message).toContain(TALENT_OFFICE.phone)
    expect((res.body.error as { message: string }).message).toContain('没有提交任何服务请求')
    expect(res.body.office).toEqual({ name: TALENT_OFFICE.name, phone: '0371-67178906' })
    expect((await client.get('/talent/me')).status).toBe(404)
    const tap = await file(client, 'children-schooling')
    expect(tap.status).toBe(403)
    expect(tap.body.error).toMatchObject({ code: 'TALENT_VERIFICATION_REQUIRED' })
    expect((await client.get('/talent/requests')).status).toBe(403)
  })

  it('checks the fields with core before asking the registry', async () => {
    const client = await login(app, 'tv-fields')
    const base = { consent: true, name: WANG.name, idNumber: WANG.idNumber, certificateNo: WANG.certificateNo }
    expect((await client.send('POST', '/talent/verification', { ...base, idNumber: '410105196203153018' })).body.error).toMatchObject({ field: 'idNumber' })
    expect((await client.send('POST', '/talent/verification', { ...base, certificateNo: '证书' })).body.error).toMatchObject({ field: 'certificateNo' })
    expect((await client.send('POST', '/talent/verification', { ...base, mobile: '123' })).body.error).toMatchObject({ field: 'mobile' })
  })

  it('stops guessing after five misses in an hour', async () => {
    const client = await login(app, 'tv-guess')
    for (let i = 0; i < 5; i += 1) {
      const res = await client.send('POST', '/talent/verification', { consent: true, name: WANG.name, idNumber: WANG.idNumber, certificateNo: `GUESS${i}00` })
      expect(res.status).toBe(422)
    }
    const locked = await client.send('POST', '/talent/verification', { consent: true, name: WANG.name, idNumber: WANG.idNumber, certificateNo: WANG.certificateNo })
    expect(locked.status).toBe(429)
  })

  it('answers the talent’s profile masked, and remembers it for the account', async () => {
    const client = await verified('tv-ok', WANG)
    const me = await client.get('/talent/me')
    expect(me.status).toBe(200)
    expect(me.body.talent).toEqual({
      name: WANG.name,
      tier: 'top',
      tierLabel: '顶尖人才',
      idNumberMasked: '4101**********3017',
      certificateNoMasked: 'GCC******01',
      mobileMasked: '138****0001',
    })
    expect(JSON.stringify(me.body)).not.toContain(WANG.idNumber)
  })

  it('lists the service catalogue to anyone', async () => {
    const res = await (await login(app, 'tv-catalogue')).get('/talent/services')
    expect(res.status).toBe(200)
    expect(res.body.services).toContainEqual(expect.objectContaining({ id: 'children-schooling', label: '子女入学', bureau: '教育局' }))
  })
})

describe('a request’s life', () => {
  let talent: Client
  let edu: StaffClient
  beforeAll(async () => {
    talent = await verified('life-li', LI, '13803710002')
    edu = await staff(app, 'service-edu')
  })

  it('files one request for two taps with one Idempotency-Key, and refuses a tap without one', async () => {
    const first = await file(talent, 'children-schooling', 'double-tap')
    const second = await file(talent, 'children-schooling', 'double-tap')
    expect(first.status).toBe(200)
    expect(second.body).toEqual(first.body)
    expect(first.body.status).toBe('open')
    const listed = (await talent.get('/talent/requests')).body.requests as TalentRequestView[]
    expect(listed.filter((r) => r.requestId === first.body.requestId)).toHaveLength(1)
    expect(listed).toHaveLength(1)
    const noKey = await talent.send('POST', '/talent/requests', { serviceId: 'children-schooling' })
    expect(noKey.status).toBe(422)
    expect(noKey.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' })
    const unknown = await file(talent, 'teleportation')
    expect(unknown.status).toBe(422)
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_SERVICE', field: 'serviceId' })
  })

  it('goes open → confirmed → arranged → done → rated, with texts to the talent and audit rows', async () => {
    const requestId = await filed(talent, 'children-schooling')
    const before = await mine(talent, requestId)
    expect(before).toMatchObject({ status: 'open', canCancel: true, canRate: false, contact: { bureau: '教育局', staffName: null, phone: TALENT_OFFICE.phone, phoneIsOffice: true } })

    const confirmed = await edu.send('POST', `/staff/talent/requests/${requestId}/confirm`)
    expect(confirmed.status).toBe(200)
    expect((confirmed.body.request as StaffTalentRequest).status).toBe('confirmed')
    expect((await mine(talent, requestId)).contact.staffName).toBe('教育局服务专员刘洋')

    const arranged = await edu.send('POST', `/staff/talent/requests/${requestId}/arrange`, arrangement)
    expect(arranged.status).toBe(200)
    const done = await edu.send('POST', `/staff/talent/requests/${requestId}/done`)
    expect(done.status).toBe(200)

    const view = await mine(talent, requestId)
    expect(view.timeline.map((e) => e.status)).toEqual(['open', 'confirmed', 'arranged', 'done'])
    expect(view).toMatchObject({
      status: 'done',
      canRate: true,
      arrangement,
      contact: { bureau: '教育局', staffName: '刘洋', phone: '0371-12345678', phoneIsOffice: false },
    })

    const rated = await talent.send('POST', `/talent/requests/${requestId}/rating`, { level: 5, comment: '安排及时' })
    expect(rated.status).toBe(200)
    expect(rated.body).toEqual({ requestId, status: 'rated', followUpDue: null })
    expect((await mine(talent, requestId)).rating).toMatchObject({ level: 5, label: '非常满意', comment: '安排及时', complaint: null })

    const texts = (await t.app.services.outbox.list(100)).filter((m) => m.mobile === '13803710002').map((m) => m.text)
    expect(texts.some((x) => x.includes('已由教育局确认'))).toBe(true)
    expect(texts.some((x) => x.includes('时间2026-12-02 09:30') && x.includes('0371-12345678'))).toBe(true)
    expect(texts.some((x) => x.includes('已完成') && x.includes('评价'))).toBe(true)

    const bureau = await staff(app, 'bureau-edu')
    const audit = await bureau.get('/staff/audit?actor=staff:service-edu')
    const actions = (audit.body.items as { action: string; target: string }[]).filter((row) => row.target === requestId).map((row) => row.action)
    expect(actions.sort()).toEqual(['talent-request-arrange', 'talent-request-confirm', 'talent-request-done'])
  })

  it('refuses a step out of order with 409', async () => {
    const requestId = await filed(talent, 'children-schooling')
    const early = await edu.send('POST', `/staff/talent/requests/${requestId}/done`)
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'TALENT_ILLEGAL_TRANSITION' })
    const badArrange = await edu.send('POST', `/staff/talent/requests/${requestId}/arrange`, { when: '', where: 'x', who: 'y' })
    expect(badArrange.status).toBe(422)
  })

  it('refuses ratings: not done 409, twice 409, someone else’s 404', async () => {
    const open = await filed(talent, 'children-schooling')
    const notDone = await talent.send('POST', `/talent/requests/${open}/rating`, { level: 4 })
    expect(notDone.status).toBe(409)
    expect(notDone.body.error).toMatchObject({ code: 'NOT_DONE' })

    const served = await filed(talent, 'children-schooling')
    await serve(edu, served)
    expect((await talent.send('POST', `/talent/requests/${served}/rating`, { level: 0 })).status).toBe(422)
    expect((await talent.send('POST', `/talent/requests/${served}/rating`, { level: 4 })).status).toBe(200)
    const twice = await talent.send('POST', `/talent/requests/${served}/rating`, { level: 1 })
    expect(twice.status).toBe(409)
    expect(twice.body.error).toMatchObject({ code: 'ALREADY_RATED' })

    const other = await verified('life-other', CHEN)
    const theirs = await other.send('POST', `/talent/requests/${served}/rating`, { level: 1 })
    expect(theirs.status).toBe(404)
    expect((await other.send('POST', `/talent/requests/${open}/cancel`, {})).status).toBe(404)
  })

  it('cancels while open (the undo), and not after the bureau confirmed', async () => {
    const undo = await filed(talent, 'children-schooling')
    const cancelled = await talent.send('POST', `/talent/requests/${undo}/cancel`, {})
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toEqual({ requestId: undo, status: 'cancelled' })
    expect((await mine(talent, undo)).canCancel).toBe(false)

    const late = await filed(talent, 'children-schooling')
    await edu.send('POST', `/staff/talent/requests/${late}/confirm`)
    expect((await talent.send('POST', `/talent/requests/${late}/cancel`, {})).status).toBe(409)
  })
})

describe('the three layers', () => {
  let eduRequest: string
  let healthRequest: string
  let hrRequest: string
  beforeAll(async () => {
    const talent = await verified('layers-zhao', ZHAO, '13803710004')
    eduRequest = await filed(talent, 'children-schooling')
    healthRequest = await filed(talent, 'medical-care')
    hrRequest = await filed(talent, 'spouse-employment')
  })

  const ids = (res: Sent) => (res.body.items as StaffTalentRequest[]).map((r) => r.requestId)

  it('service staff of 教育局 see 教育局’s requests with the talent’s details, and never 卫健委’s (404)', async () => {
    const edu = await staff(app, 'service-edu')
    const list = await edu.get('/staff/talent/requests?pageSize=100')
    expect(list.status).toBe(200)
    expect(ids(list)).toContain(eduRequest)
    expect(ids(list)).not.toContain(healthRequest)
    expect((list.body.items as StaffTalentRequest[]).every((r) => r.bureau === '教育局')).toBe(true)
    const mineRow = (list.body.items as StaffTalentRequest[]).find((r) => r.requestId === eduRequest)
    expect(mineRow?.talent).toMatchObject({ name: ZHAO.name, tier: 'local-outstanding', idNumberMasked: '4101**********602X', mobile: '13803710004' })
    expect(mineRow?.talent.photoUrl).toMatch(/^\/api\/v1\/staff\/talent\/photos\//)

    expect((await edu.get(`/staff/talent/requests/${healthRequest}`)).status).toBe(404)
    expect((await edu.send('POST', `/staff/talent/requests/${healthRequest}/confirm`)).status).toBe(404)
    expect((await edu.get(`/staff/talent/requests/${eduRequest}`)).status).toBe(200)
    expect((await edu.get('/staff/talent/requests?bureau=卫健委')).body).toMatchObject({ items: [], total: 0 })
    expect((await edu.get('/staff/talent/stats')).status).toBe(403)
  })

  it('a bureau reads its whole system but does not serve (403), and answers only its own', async () => {
    const bureau = await staff(app, 'bureau-edu')
    const list = await bureau.get('/staff/talent/requests?pageSize=100')
    expect(ids(list)).toContain(eduRequest)
    expect(ids(list)).not.toContain(hrRequest)
    expect((await bureau.send('POST', `/staff/talent/requests/${eduRequest}/confirm`)).status).toBe(403)
    expect((await bureau.get(`/staff/talent/requests/${hrRequest}`)).status).toBe(404)
    const hr = await staff(app, 'bureau-hr')
    expect(ids(await hr.get('/staff/talent/requests?pageSize=100'))).toEqual(expect.arrayContaining([hrRequest]))
    expect(ids(await hr.get('/staff/talent/requests?pageSize=100'))).not.toContain(eduRequest)
  })

  it('leaders see every bureau, without personal numbers or photos', async () => {
    const leader = await staff(app, 'leader')
    const list = await leader.get('/staff/talent/requests?pageSize=100')
    expect(ids(list)).toEqual(expect.arrayContaining([eduRequest, healthRequest, hrRequest]))
    const row = (list.body.items as StaffTalentRequest[]).find((r) => r.requestId === healthRequest)
    expect(row?.talent).toEqual({ talentId: expect.any(String), name: ZHAO.name, tier: 'local-outstanding', tierLabel: '地方突出贡献人才' })
    expect(JSON.stringify(list.body)).not.toMatch(/4101\*|13803710004/)
    expect(ids(await leader.get('/staff/talent/requests?bureau=卫健委&pageSize=100'))).toEqual([healthRequest])
    expect((await leader.send('POST', `/staff/talent/requests/${healthRequest}/confirm`)).status).toBe(403)
    expect((await leader.get(`/staff/talent/photos/${row?.talent.talentId ?? ''}`)).status).toBe(403)
  })

  it('shows the photo to staff of a bureau the talent asked, drawn with sharp, and audits the view', async () => {
    const edu = await staff(app, 'service-edu')
    const row = ((await edu.get('/staff/talent/requests?pageSize=100')).body.items as StaffTalentRequest[]).find((r) => r.requestId === eduRequest)
    const photo = await app().inject({ method: 'GET', url: row?.talent.photoUrl ?? '', headers: { cookie: `zh_staff=${edu.cookie ?? ''}` } })
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['content-type']).toBe('image/png')
    const meta = await sharp(photo.rawPayload).metadata()
    expect(meta).toMatchObject({ format: 'png', width: 256, height: 256 })
    // A talent who asked 教育局 nothing: not there for 教育局.
    const other = await verified('layers-yang', YANG)
    await filed(other, 'medical-care')
    const yangRow = ((await (await staff(app, 'leader')).get('/staff/talent/requests?bureau=卫健委&pageSize=100')).body.items as StaffTalentRequest[]).find(
      (r) => r.talent.name === YANG.name,
    )
    expect((await edu.get(`/staff/talent/photos/${yangRow?.talent.talentId ?? ''}`)).status).toBe(404)
    const audit = await (await staff(app, 'bureau-edu')).get('/staff/audit?action=talent-photo-view')
    expect((audit.body.items as unknown[]).length).toBeGreaterThan(0)
  })
})

describe('complaints, overdue follow-ups and statistics', () => {
  it('computes the rates, and shows an overdue complaint to the bureau and the leader', async () => {
    const fresh = await startTestApp()
    const fapp = () => fresh.app
    try {
      const client = await login(fapp, 'stats-wang')
      await client.send('POST', '/talent/verification', { consent: true, name: WANG.name, idNumber: WANG.idNumber, certificateNo: WANG.certificateNo, mobile: '13803710009' })
      const tap = async (serviceId: string, key: string) => (await client.send('POST', '/talent/requests', { serviceId }, { 'idempotency-key': key })).body.requestId as string
      let edu: StaffClient
      const serveOne = async (id: string) => {
        await edu.send('POST', `/staff/talent/requests/${id}/confirm`)
        await edu.send('POST', `/staff/talent/requests/${id}/arrange`, arrangement)
        await edu.send('POST', `/staff/talent/requests/${id}/done`)
      }
      const happy = await tap('children-schooling', 's1')
      const unhappy = await tap('children-schooling', 's2')
      const waiting = await tap('children-schooling', 's3')
      fresh.app.ctx.clock.advance(2 * 3600_000)
      // Signed in after the two hours (a session ends after 30 idle minutes).
      edu = await staff(fapp, 'service-edu')
      await serveOne(happy)
      await serveOne(unhappy)
      await client.send('POST', `/talent/requests/${happy}/rating`, { level: 5 })
      const complained = await client.send('POST', `/talent/requests/${unhappy}/rating`, { level: 2, complaint: '等了很久才安排' })
      expect(complained.body.followUpDue).toBe(complaintDue(TODAY))
      expect(complaintDue(TODAY)).toBe('2026-12-21')

      // 3 filed, 2 done; ratings 5 and 2 → satisfaction 1/2; 1 complaint of 2 delivered → 1/2.
      let bureau = await staff(fapp, 'bureau-edu')
      const stats = await bureau.get('/staff/talent/stats')
      expect(stats.status).toBe(200)
      expect(stats.body.bureaus).toEqual([
        {
          bureau: '教育局',
          requests: 3,
          done: 2,
          ratings: 2,
          satisfactionRate: 0.5,
          complaintRate: 0.5,
          complaints: 1,
          overdueComplaints: 0,
          overdueConfirmations: 0,
          meanHoursToConfirm: 2,
        },
      ])
      expect(stats.body.trend).toEqual([expect.objectContaining({ month: '2026-11', bureau: '教育局', requests: 3, satisfactionRate: 0.5 })])

      // Past the due date: overdue for the bureau and the leader; the unconfirmed one too.
      fresh.app.ctx.clock.setToday('2026-12-22')
      bureau = await staff(fapp, 'bureau-edu')
      edu = await staff(fapp, 'service-edu')
      const overdue = await bureau.get('/staff/talent/requests?overdue=1')
      expect((overdue.body.items as StaffTalentRequest[]).map((r) => r.requestId).sort()).toEqual([unhappy, waiting].sort())
      const row = (overdue.body.items as StaffTalentRequest[]).find((r) => r.requestId === unhappy)
      expect(row?.followUp).toMatchObject({ due: '2026-12-21', overdue: true, answer: null })
      expect((overdue.body.items as StaffTalentRequest[]).find((r) => r.requestId === waiting)?.confirmOverdue).toBe(true)
      const leader = await staff(fapp, 'leader')
      const all = await leader.get('/staff/talent/stats?from=2026-11-01&to=2026-12-31')
      const eduStats = (all.body.bureaus as { bureau: string; overdueComplaints: number }[]).find((b) => b.bureau === '教育局')
      expect(eduStats).toMatchObject({ overdueComplaints: 1, overdueConfirmations: 1 })
      expect((all.body.bureaus as { bureau: string }[]).map((b) => b.bureau)).toEqual(expect.arrayContaining(['教育局', '卫健委', '人社局']))
      expect((all.body.bureaus as { bureau: string; requests: number; satisfactionRate: null }[]).find((b) => b.bureau === '卫健委')).toMatchObject({
        requests: 0,
        satisfactionRate: null,
        complaintRate: null,
      })
      expect((await leader.get('/staff/talent/stats?from=2026-12-31&to=2026-12-01')).status).toBe(422)

      // The bureau answers (late); the talent reads it and is texted; a second answer is refused.
      expect((await edu.send('POST', `/staff/talent/requests/${unhappy}/complaint-answer`, { answer: 'x' })).status).toBe(403)
      expect((await bureau.send('POST', `/staff/talent/requests/${happy}/complaint-answer`, { answer: '谢谢' })).status).toBe(409)
      const answered = await bureau.send('POST', `/staff/talent/requests/${unhappy}/complaint-answer`, { answer: '已约谈服务人员并改进排期。' })
      expect(answered.status).toBe(200)
      expect((answered.body.request as StaffTalentRequest).followUp).toMatchObject({ overdue: false, answeredLate: true, answeredBy: '教育局督办' })
      expect((await bureau.send('POST', `/staff/talent/requests/${unhappy}/complaint-answer`, { answer: '再答' })).status).toBe(409)
      const view = ((await client.get('/talent/requests')).body.requests as TalentRequestView[]).find((r) => r.requestId === unhappy)
      expect(view?.followUp).toMatchObject({ answer: '已约谈服务人员并改进排期。', overdue: false })
      const texts = (await fresh.app.services.outbox.list(100)).map((m) => m.text)
      expect(texts.some((x) => x.includes('教育局已答复'))).toBe(true)
      expect((await leader.get('/staff/talent/stats')).body.bureaus).toContainEqual(expect.objectContaining({ bureau: '教育局', overdueComplaints: 0 }))
    } finally {
      await fresh.close()
    }
    // Its own app on a fresh database (a new PostgreSQL schema, migrated): more than the default 5 s.
  }, 60_000)
})

describe('news (信息联动)', () => {
  it('shows the seed article in development, and what a bureau publishes first', async () => {
    const anyone = await app().inject({ method: 'GET', url: '/api/v1/news' })
    expect(anyone.statusCode).toBe(200)
    expect((anyone.json() as { items: { title: string }[] }).items.map((i) => i.title)).toContain('智汇郑州APP“一站式”人才服务平台发布')
    const bureau = await staff(app, 'bureau-edu')
    const published = await bureau.send('POST', '/staff/news', { title: '2027年春季学期人才子女入学安排', body: '请有需要的人才在平台提出子女入学服务需求。' })
    expect(published.status).toBe(200)
    expect(published.body.item).toMatchObject({ bureau: '教育局' })
    const feed = (await app().inject({ method: 'GET', url: '/api/v1/news' })).json() as { items: { title: string }[] }
    expect(feed.items[0]?.title).toBe('2027年春季学期人才子女入学安排')
    expect((await bureau.send('POST', '/staff/news', { title: '', body: 'x' })).status).toBe(422)
    expect((await bureau.send('POST', '/staff/news', { title: 't', body: 'b' }, { csrf: false })).status).toBe(403)
    expect((await (await staff(app, 'service-edu')).send('POST', '/staff/news', { title: 't', body: 'b' })).status).toBe(403)
    expect((await (await staff(app, 'leader')).get('/staff/news')).status).toBe(200)
  })
})

describe('the push to service staff (Server-Sent Events)', () => {
  /** Reads the stream until `until` matches what arrived, or `ms` pass. */
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp, ms: number): Promise<string> {
    const decoder = new TextDecoder()
    let text = ''
    const deadline = Date.now() + ms
    while (!until.test(text)) {
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`nothing matching ${String(until)} within ${ms} ms; got ${JSON.stringify(text)}`)
      const chunk = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left)),
      ])
      if (chunk === 'timeout') continue
      if (chunk.done) throw new Error(`stream ended; got ${JSON.stringify(text)}`)
      text += decoder.decode(chunk.value, { stream: true })
    }
    return text
  }

  it('reaches a connected service staff member of the bureau within 1 s, with name, tier and photo; other bureaus’ requests do not', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const edu = await staff(app, 'service-edu')
    const leader = await staff(app, 'leader')
    const controller = new AbortController()
    const open = async (who: StaffClient) => {
      const res = await fetch(`${address}/api/v1/staff/talent/stream`, { headers: { cookie: `zh_staff=${who.cookie ?? ''}` }, signal: controller.signal })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/event-stream')
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      await readUntil(reader, /: connected/, 2000)
      return reader
    }
    try {
      const eduStream = await open(edu)
      const leaderStream = await open(leader)
      const talent = await verified('sse-chen', CHEN, '13803710003')
      await filed(talent, 'medical-care')
      const started = Date.now()
      const requestId = await filed(talent, 'children-schooling')
      const text = await readUntil(eduStream, /event: request\ndata: .*\n\n/, 1000)
      expect(Date.now() - started).toBeLessThan(1000)
      const events = [...text.matchAll(/event: request\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>)
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ requestId, name: CHEN.name, tier: 'local-leading', tierLabel: '地方级领军人才', serviceId: 'children-schooling', bureau: '教育局' })
      const photoUrl = events[0]?.photoUrl as string
      const photo = await fetch(`${address}${photoUrl}`, { headers: { cookie: `zh_staff=${edu.cookie ?? ''}` } })
      expect(photo.status).toBe(200)
      expect(photo.headers.get('content-type')).toBe('image/png')

      // The leader hears every bureau, without photos; status changes follow.
      const leaderText = await readUntil(leaderStream, new RegExp(`"requestId":"${requestId}"`), 1000)
      expect(leaderText).toContain('"serviceId":"medical-care"')
      expect(leaderText).toContain('"photoUrl":null')
      await edu.send('POST', `/staff/talent/requests/${requestId}/confirm`)
      const status = await readUntil(eduStream, /event: status\ndata: .*"confirmed".*\n\n/, 1000)
      expect(status).toContain(requestId)
    } finally {
      controller.abort()
    }
  })

  it('refuses a stream without a session, and to roles outside the talent services', async () => {
    expect((await app().inject({ method: 'GET', url: '/api/v1/staff/talent/stream' })).statusCode).toBe(401)
    const reviewer = await staff(app, 'reviewer')
    expect((await reviewer.get('/staff/talent/stream')).status).toBe(403)
  })
})

describe('the stream’s wire format and keep-alive', () => {
  const request = {
    type: 'request' as const,
    bureau: '教育局',
    talentId: 't1',
    payload: { requestId: 'r1', name: '王建国', tier: 'top' as const, tierLabel: '顶尖人才', serviceId: 'children-schooling', serviceLabel: '子女入学', bureau: '教育局', filedAt: 'x' },
  }

  it('sends a bureau its own events with the photo, the leader all without, and nobody else’s', () => {
    expect(eventFor({ bureau: '教育局' }, request)).toBe(`event: request\ndata: ${JSON.stringify({ ...request.payload, photoUrl: '/api/v1/staff/talent/photos/t1' })}\n\n`)
    expect(eventFor({ bureau: null }, request)).toContain('"photoUrl":null')
    expect(eventFor({ bureau: '卫健委' }, request)).toBeUndefined()
    const status = { type: 'status' as const, bureau: '教育局', payload: { requestId: 'r1', status: 'done' as const, bureau: '教育局', serviceId: 's', at: 'x' } }
    expect(eventFor({ bureau: '教育局' }, status)).toMatch(/^event: status\ndata: \{.*"done".*\}\n\n$/)
  })

  it('writes a keep-alive comment every 15 s while signed in, and ends the stream when the sign-in ends', async () => {
    jest.useFakeTimers()
    try {
      const written: string[] = []
      let signedIn = true
      const end = jest.fn()
      const stop = keepAlive({ everyMs: KEEP_ALIVE_MS, stillSignedIn: async () => signedIn, write: (x) => written.push(x), end })
      await jest.advanceTimersByTimeAsync(KEEP_ALIVE_MS)
      expect(KEEP_ALIVE_MS).toBe(15_000)
      expect(written).toEqual([': keep-alive\n\n'])
      signedIn = false
      await jest.advanceTimersByTimeAsync(KEEP_ALIVE_MS)
      expect(written[1]).toBe('event: session-ended\ndata: {}\n\n')
      expect(end).toHaveBeenCalledTimes(1)
      stop()
    } finally {
      jest.useRealTimers()
    }
  })
})
