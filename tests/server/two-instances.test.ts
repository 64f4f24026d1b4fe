/**
 * Two instances of the server on one database (PostgreSQL: the same schema; SQLite: the same
 * file), as behind a load balancer: whatever one writes, the other shows in its very next answer,
 * even where it keeps something in memory (sessions of bound accounts, the settled view of an
 * application, SQLite's kept rows). On PostgreSQL the photos are in the database too
 * (PHOTO_STORE=postgres), so nothing is shared through this machine's disk.
 */
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../packages/server/src/app'
import { createClock } from '../../packages/server/src/clock'
import { Client, login, reviewer, samplePhoto, submitted, validForm } from './helpers/client'
import { testPerson } from './helpers/people'
import { pgUrl, startTestApp, TODAY, type TestApp } from './helpers/test-app'

// The root config runs this suite as a second project, where the per-project testTimeout does not apply.
jest.setTimeout(30_000)

let t: TestApp
let other: FastifyInstance
const a = () => t.app
const b = () => other
beforeAll(async () => {
  t = await startTestApp({ env: pgUrl !== undefined ? { PHOTO_STORE: 'postgres' } : {} })
  other = await buildApp(t.config, { logger: false, clock: createClock({ today: TODAY }) })
})
afterAll(async () => {
  await other?.close()
  await t?.close()
})

/** The same applicant (same token) through the other instance. */
const via = (client: Client, app: () => FastifyInstance) => new Client(app, client.token)

it('a session opened on one instance works on the other, and a card bound through B shows on A at once', async () => {
  const onA = await login(a, 'two-1')
  const onB = via(onA, b)
  expect((await onA.get('/me')).body).toEqual({})
  expect((await onB.get('/me')).body).toEqual({})
  expect((await onB.bind(testPerson(60))).status).toBe(200)
  // A read the unbound account a moment ago; it must not answer from that.
  expect(((await onA.get('/me')).body.binding as { name: string }).name).toBe(testPerson(60).name)
  expect((await onA.send('PUT', '/application', validForm())).status).toBe(200)
  expect((await onB.get('/application')).body).toMatchObject({ status: 'draft', facts: { education: 'bachelor' } })
})

it('photos uploaded through one instance are read through the other, and a replacement shows on both', async () => {
  const onA = await login(a, 'two-2')
  await onA.bind(testPerson(61))
  const saved = await onA.send('PUT', '/application', validForm())
  const kinds = (saved.body.application as { requiredDocuments: { kind: string }[] }).requiredDocuments.map((d) => d.kind)
  const onB = via(onA, b)
  const up = await onB.upload(kinds[0]!, await samplePhoto())
  expect(up.status).toBe(200)
  const photoId = up.body.photoId as string
  const fromA = await onA.get(`/application/photos/${photoId}`)
  expect(fromA.status).toBe(200)
  expect(fromA.raw.rawPayload.length).toBe(up.body.bytes)
  expect(((await onA.get('/application')).body.documents as { photoId: string }[]).map((d) => d.photoId)).toEqual([photoId])

  const again = await onA.upload(kinds[0]!, await samplePhoto())
  expect(((await onB.get('/application')).body.documents as { photoId: string }[]).map((d) => d.photoId)).toEqual([again.body.photoId])
  expect((await onB.get(`/application/photos/${photoId}`)).status).toBe(404)
})

it('an application held as a settled view on A shows every decision made through B in its next poll', async () => {
  const { client: onA, no } = await submitted(a, 'two-3', testPerson(62))
  // Polled twice, so A keeps the settled view of the submitted application.
  expect((await onA.get('/application')).body.status).toBe('submitted')
  expect((await onA.get('/application')).body.status).toBe('submitted')
  const reviewB = reviewer(b)

  const rejected = await reviewB.send('POST', `/review/applications/${no}/decision`, {
    decision: 'reject',
    reasons: [{ target: 'hukou', code: 'PAGE', message: '请上传户口本本人页' }],
  })
  expect(rejected.status).toBe(200)
  const seen = (await onA.get('/application')).body
  expect(seen.status).toBe('rejected')
  expect(seen.rejection).toEqual({ reasons: [{ target: 'hukou', code: 'PAGE', message: '请上传户口本本人页' }] })

  // Resubmitted through A, approved through B, put on notice through B: A shows each.
  expect((await onA.submit('two-3-again')).body).toEqual({ applicationNo: no, status: 'submitted' })
  expect(((await reviewB.get('/review/applications')).body.applications as { applicationNo: string }[]).map((x) => x.applicationNo)).toContain(no)
  expect((await reviewB.send('POST', `/review/applications/${no}/decision`, { decision: 'approve' })).status).toBe(200)
  expect((await onA.get('/application')).body.status).toBe('public-notice')
  expect((await onA.get('/application')).body.status).toBe('public-notice')
  const notice = await reviewB.send('POST', '/review/notices', { applicationNos: [no] })
  expect(notice.status).toBe(200)
  const batch = notice.body.batch as { start: string; end: string }
  expect((await onA.get('/application')).body.notice).toEqual({ start: batch.start, end: batch.end })

  // Paid through B after the notice: A shows the payments. (No Redis here, so each instance's
  // development clock is moved by hand; with REDIS_URL one POST /dev/clock moves both.)
  const dayAfter = new Date(Date.parse(`${batch.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  a().ctx.clock.setToday(dayAfter)
  b().ctx.clock.setToday(dayAfter)
  expect((await onA.get('/application')).body.status).toBe('public-notice')
  const paid = await reviewB.send('POST', '/review/payments', { applicationNos: [no] })
  expect(paid.status).toBe(200)
  const after = (await onA.get('/application')).body
  expect(after.status).toBe((paid.body.payments as { status: string }[])[0]!.status)
  expect((after.payments as unknown[]).length).toBeGreaterThan(0)
})

it('the same submit retried on the other instance (a balancer retrying) gives the same answer, not a second application', async () => {
  const { client: onA, no } = await submitted(a, 'two-4', testPerson(63))
  const retried = await via(onA, b).submit('key-two-4')
  expect(retried.body).toEqual({ applicationNo: no, status: 'submitted' })
  const queue = (await reviewer(a).get('/review/applications')).body.applications as { applicationNo: string }[]
  expect(queue.filter((x) => x.applicationNo === no)).toHaveLength(1)
})

it('two instances starting at the same moment on an empty database both come up (schema, migrations, development accounts)', async () => {
  // A new data folder (SQLite) or schema (PostgreSQL) beside the suite's, for the pair to race on.
  const config = { ...t.config, dataDir: `${t.dataDir}/race`, ...(pgUrl !== undefined ? { databaseSchema: `${t.config.databaseSchema}_race` } : {}) }
  const pair = await Promise.all([0, 1].map(() => buildApp(config, { logger: false, clock: createClock({ today: TODAY }) })))
  try {
    for (const app of pair) expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
    const staff = await pair[0]!.ctx.db.selectFrom('staff_accounts').select('username').execute()
    expect(new Set(staff.map((s) => s.username)).size).toBe(staff.length)
    expect(staff.length).toBeGreaterThan(0)
  } finally {
    await Promise.all(pair.map((app) => app.close()))
    if (pgUrl !== undefined) {
      const { Pool } = await import('pg')
      const pool = new Pool({ connectionString: pgUrl, max: 1 })
      await pool.query(`drop schema if exists "${config.databaseSchema}" cascade`)
      // pg-boss keeps the outbound-message jobs in a schema of its own beside it.
      await pool.query(`drop schema if exists "${config.databaseSchema}_jobs" cascade`)
      await pool.end()
    }
  }
})
