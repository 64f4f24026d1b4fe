/** Card binding: validation by core, the registry match, the mismatch limit, encryption at rest, masking, no logging. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { maskCardNumber, maskIdNumber } from '@zhihui/core'
import { login, validForm } from './helpers/client'
import { SPECIAL, testPerson } from './helpers/people'
import { pgUrl, startTestApp, type TestApp } from './helpers/test-app'

const logLines: string[] = []
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString('utf8'))
    done()
  },
})

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  // Logging on (at debug, the most talkative level) to prove that ID and card numbers never reach it.
  t = await startTestApp({ env: { LOG_LEVEL: 'debug' }, build: { logger: { stream: logStream } } })
})
afterAll(() => t.close())

describe('validation before the registry is asked', () => {
  it('requires consent to be literally true', async () => {
    const client = await login(app, 'cb-consent')
    const p = testPerson(40)
    for (const consent of [undefined, false, 'true', 1]) {
      const res = await client.send('POST', '/card-binding', { consent, name: p.name, idNumber: p.idNumber, cardNumber: p.cardNumber })
      expect(res.status).toBe(422)
      expect(res.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'consent' })
    }
  })

  it.each([
    ['name', { name: 'x' }],
    ['idNumber', { idNumber: '410105200001010000' }],
    ['idNumber', { idNumber: '12345' }],
    ['cardNumber', { cardNumber: '410105200001010011' }],
  ])('answers 422 naming %s with core’s Chinese message', async (field, change) => {
    const client = await login(app, `cb-field-${field}-${JSON.stringify(change)}`)
    const p = testPerson(41)
    const res = await client.send('POST', '/card-binding', { consent: true, name: p.name, idNumber: p.idNumber, cardNumber: p.cardNumber, ...change })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
  })
})

describe('the registry', () => {
  it('binds when name, ID and card belong to one entry, answering the card state masked', async () => {
    const client = await login(app, 'cb-ok')
    const p = testPerson(42)
    const res = await client.bind(p)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      binding: {
        name: p.name,
        idNumberMasked: maskIdNumber(p.idNumber),
        cardNumberMasked: maskCardNumber(p.cardNumber),
        cardIssued: true,
        financialAccountActive: true,
        pensionMonths: 12,
      },
    })
    expect(JSON.stringify(res.body)).not.toContain(p.idNumber)
    expect((await client.get('/me')).body.binding).toEqual(res.body.binding)
  })

  it('answers the card state the registry holds (inactive account, 2 pension months)', async () => {
    const a = await login(app, 'cb-inactive')
    expect(((await a.bind(testPerson(SPECIAL.inactiveAccount))).body.binding as { financialAccountActive: boolean }).financialAccountActive).toBe(false)
    const b = await login(app, 'cb-two-months')
    expect(((await b.bind(testPerson(SPECIAL.twoPensionMonths))).body.binding as { pensionMonths: number }).pensionMonths).toBe(2)
  })

  it('answers 422 in Chinese on a mismatch, and 429 after 5 mismatches in an hour; format errors do not count', async () => {
    const client = await login(app, 'cb-limit')
    const p = testPerson(43)
    const wrongCard = { consent: true, name: p.name, idNumber: p.idNumber, cardNumber: 'T99999999' }
    // A format error first: it must not count toward the limit.
    expect((await client.send('POST', '/card-binding', { ...wrongCard, cardNumber: 'short' })).status).toBe(422)
    for (let i = 1; i <= 5; i++) {
      const res = await client.send('POST', '/card-binding', wrongCard)
      expect(res.status).toBe(422)
      expect(res.body.error).toMatchObject({ code: 'CARD_MISMATCH', message: expect.stringContaining('不一致') })
    }
    const locked = await client.bind(p)
    expect(locked.status).toBe(429)
    expect(locked.body.error).toMatchObject({ code: 'BINDING_LOCKED', message: expect.stringContaining('1小时') })
    // The limit belongs to the account: another account can still bind.
    expect((await (await login(app, 'cb-limit-other')).bind(p)).status).toBe(200)
    // An hour later the account may try again.
    t.app.ctx.clock.setToday('2026-12-01')
    try {
      expect((await client.bind(p)).status).toBe(200)
    } finally {
      t.app.ctx.clock.setToday('2026-11-30')
    }
  })

  it('lets WeChat and Alipay accounts of the same person share one application', async () => {
    const p = testPerson(44)
    const wechat = await login(app, 'same-person', 'weapp')
    await wechat.bind(p)
    expect((await wechat.send('PUT', '/application', validForm())).status).toBe(200)
    const alipay = await login(app, 'same-person', 'alipay')
    await alipay.bind(p)
    const seen = await alipay.get('/application')
    expect(seen.status).toBe(200)
    expect(seen.body.facts).toEqual((await wechat.get('/application')).body.facts)
    const accounts = await t.app.ctx.db.selectFrom('accounts').selectAll().where('platform_user_id', '=', 'dev:same-person').execute()
    expect(accounts.map((a) => a.platform).sort()).toEqual(['alipay', 'weapp'])
    expect(accounts[0]!.person_id).not.toBeNull()
    expect(accounts[0]!.person_id).toBe(accounts[1]!.person_id)
  })

  it('refuses to bind a second person to an account (409)', async () => {
    const client = await login(app, 'cb-two-people')
    await client.bind(testPerson(45))
    const res = await client.bind(testPerson(46))
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'ACCOUNT_BOUND' })
  })
})

describe('privacy', () => {
  it('stores ID and card numbers only encrypted, with a keyed hash for look-ups', async () => {
    const p = testPerson(47)
    await (await login(app, 'cb-at-rest')).bind(p)
    const rows = await t.app.ctx.db.selectFrom('people').selectAll().execute()
    const dump = JSON.stringify(rows)
    expect(dump).not.toContain(p.idNumber)
    expect(dump).not.toContain(p.cardNumber)
    expect(rows.every((row) => row.id_cipher.startsWith('v1:') && /^[0-9a-f]{64}$/.test(row.id_hash))).toBe(true)
    if (pgUrl === undefined) {
      const file = readFileSync(join(t.dataDir, 'zhihui.sqlite')).toString('latin1')
      expect(file).not.toContain(p.idNumber)
    }
  })

  it('never writes ID or card numbers to the log', async () => {
    const p = testPerson(48)
    const client = await login(app, 'cb-log')
    await client.send('POST', '/card-binding', { consent: true, name: p.name, idNumber: p.idNumber, cardNumber: 'T77777777' })
    await client.bind(p)
    const log = logLines.join('')
    expect(log).toContain('/api/v1/card-binding')
    expect(log).not.toContain(p.idNumber)
    expect(log).not.toContain(p.cardNumber)
    expect(log).not.toContain(client.token!)
  })
})
