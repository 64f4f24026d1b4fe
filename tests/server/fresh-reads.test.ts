/**
 * The server keeps hot rows until the database changes (db/sqlite-dialect.ts), so every change
 * must show in the applicant's next GET /application at once: a change made through this server
 * (its own connection), and one made by the review CLI, which runs as another process on the same
 * database. A second app on the same data, with its own connection, plays the CLI here.
 */
import { buildApp } from '../../packages/server/src/app'
import { runReviewCommand } from '../../packages/server/src/cli/review-commands'
import { createClock } from '../../packages/server/src/clock'
import { Client, readyApplicant, reviewer, submitted } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

let t: TestApp
let cliApp: Awaited<ReturnType<typeof buildApp>>
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
  cliApp = await buildApp(t.config, { logger: false, clock: createClock({ today: TODAY }) })
})
afterAll(async () => {
  await cliApp.close()
  await t.close()
})

async function cli(...argv: string[]): Promise<number> {
  return runReviewCommand(argv, cliApp.ctx, () => undefined)
}

it('shows each decision taken on another connection in the very next poll', async () => {
  const { client, no } = await submitted(app, 'op-1', testPerson(70))
  // Polled twice first, so the server holds the rows it read.
  expect((await client.get('/application')).body.status).toBe('submitted')
  expect((await client.get('/application')).body.status).toBe('submitted')

  expect(await cli('reject', no, '--reason', 'hukou:PAGE:请上传户口本本人页')).toBe(0)
  const rejected = (await client.get('/application')).body
  expect(rejected.status).toBe('rejected')
  expect(rejected.rejection).toEqual({ reasons: [{ target: 'hukou', code: 'PAGE', message: '请上传户口本本人页' }] })

  // The applicant's own write, through the server's connection, shows as well.
  expect((await client.submit('op-again')).body.status).toBe('submitted')
  expect((await client.get('/application')).body.status).toBe('submitted')

  expect(await cli('approve', no)).toBe(0)
  expect((await client.get('/application')).body.status).toBe('public-notice')
  expect(await cli('notice', no)).toBe(0)
  expect((await client.get('/application')).body.notice).toBeDefined()
})

it('an application submitted through another connection shows on the next poll, with its number', async () => {
  const client = await readyApplicant(app, 'op-2', testPerson(71))
  expect((await client.get('/application')).body).toMatchObject({ status: 'draft', applicationNo: null })
  const elsewhere = new Client(() => cliApp, client.token)
  expect((await elsewhere.submit('op-2-key')).status).toBe(200)
  const after = (await client.get('/application')).body
  expect(after.status).toBe('submitted')
  expect(after.applicationNo).toMatch(/^ZZ\d{13}$/)
})

it('shows each decision taken through this server in the very next poll', async () => {
  const { client, no } = await submitted(app, 'op-4', testPerson(73))
  expect((await client.get('/application')).body.status).toBe('submitted')
  expect((await client.get('/application')).body.status).toBe('submitted')
  const decided = await reviewer(app).send('POST', `/review/applications/${no}/decision`, { decision: 'approve' })
  expect(decided.status).toBe(200)
  expect((await client.get('/application')).body.status).toBe('public-notice')
})
