/**
 * What an old database becomes (0003-monthly-payments): a database made by migration 0001 alone,
 * with the rows the old one-off payment wrote, is opened by today's server. The old `paid`
 * application becomes `paying` with its one payment as the ledger line of the month it was paid
 * in; the next run pays the months owed as arrears and leaves the old payment out of its bank
 * file (the bank paid it already). Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { checkEligibility, type ApplicantFacts } from '@zhihui/core'
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely'
import { Pool } from 'pg'
import { buildApp } from '../../packages/server/src/app'
import { createClock } from '../../packages/server/src/clock'
import { loadConfig } from '../../packages/server/src/config'
import { createFieldCipher } from '../../packages/server/src/crypto/field-cipher'
import { parseMasterKey } from '../../packages/server/src/crypto/master-key'
import { SQLITE_FILE } from '../../packages/server/src/db/create-db'
import * as initial from '../../packages/server/src/db/migrations/0001-initial'
import type { FastifyInstance } from 'fastify'
import { validForm } from './helpers/client'
import { testPerson, testRegistry } from './helpers/people'
import { pgUrl } from './helpers/test-app'

// Whole journeys and runs under PostgreSQL on a busy machine take longer than Jest's default 5 s.
jest.setTimeout(60_000)

const key = randomBytes(32).toString('hex')
const cipher = createFieldCipher(parseMasterKey(key))
const dataDir = mkdtempSync(join(tmpdir(), 'zhihui-migration-test-'))
const schema = pgUrl === undefined ? undefined : `m_${process.pid}_${randomBytes(4).toString('hex')}`
let app: FastifyInstance

const OLD = {
  paid: { no: 'ZZ2026113000901', person: testPerson(50) },
  unconfirmed: { no: 'ZZ2026113000902', person: testPerson(51) },
  broken: { no: 'ZZ2026113000903', person: testPerson(52) },
}

async function openOld(): Promise<Kysely<unknown>> {
  if (pgUrl === undefined || schema === undefined) {
    return new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dataDir, SQLITE_FILE)) }) })
  }
  const setup = new Pool({ connectionString: pgUrl, max: 1 })
  await setup.query(`create schema "${schema}"`)
  await setup.end()
  return new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: pgUrl, max: 2, options: `-c search_path=${schema}` }) }) })
}

/** The rows the old code wrote for an application carried through review, notice and (maybe) payment. */
async function oldApplication(db: Kysely<unknown>, which: keyof typeof OLD, status: 'paid' | 'paying') {
  const { no, person } = OLD[which]
  const personId = randomUUID()
  const appId = randomUUID()
  const batchId = randomUUID()
  await sql`insert into people values (${personId}, ${cipher.hash(person.idNumber)}, ${cipher.encrypt(person.idNumber)}, ${person.name},
    ${cipher.encrypt(person.cardNumber)}, ${'4101**********1234'}, ${'T******0'}, 1, 1, 12, ${'2026-11-30T02:00:00.000Z'})`.execute(db)
  const form = validForm()
  const facts: ApplicantFacts = {
    ...(form.facts as unknown as Omit<ApplicantFacts, 'idNumber' | 'socialSecurity'>),
    idNumber: person.idNumber,
    socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 12 },
  }
  const report = which === 'broken' ? null : JSON.stringify(checkEligibility(facts, { today: '2026-11-30' }))
  await sql`insert into notice_batches values (${batchId}, ${'2026-11-30'}, ${'2026-12-08'}, 1, ${'reviewer:old'}, ${'2026-11-30T03:00:00.000Z'})`.execute(db)
  const events: [string | null, string, string][] = [
    [null, 'submitted', 'submit'],
    ['submitted', 'under-review', 'start-review'],
    ['under-review', 'public-notice', 'approve'],
    ['public-notice', 'paying', 'end-notice'],
    ...(status === 'paid' ? [['paying', 'paid', 'confirm-payment'] as [string, string, string]] : []),
  ]
  await sql`insert into applications values (${appId}, ${personId}, ${no}, ${status}, ${events.length}, ${JSON.stringify(form)}, ${null},
    ${JSON.stringify(form.facts)}, ${JSON.stringify(form.details)}, ${report}, ${null}, ${batchId},
    ${'2026-11-30T01:00:00.000Z'}, ${'2026-12-09T03:00:00.000Z'}, ${'2026-11-30T01:00:00.000Z'})`.execute(db)
  for (const [i, [from, to, event]] of events.entries()) {
    await sql`insert into application_history values (${appId}, ${i + 1}, ${from}, ${to}, ${event}, ${'reviewer:old'}, ${null},
      ${`2026-12-0${i + 1}T03:00:00.000Z`})`.execute(db)
  }
  if (status === 'paid') {
    // Paid at 2026-12-09 03:00 UTC: 11:00 on 9 December in China.
    await sql`insert into payments values (${randomUUID()}, ${appId}, 500, ${'PAY-old-1'}, ${'2026-12-09T03:00:00.000Z'})`.execute(db)
  }
}

beforeAll(async () => {
  const old = await openOld()
  const migrator = new Migrator({
    db: old,
    provider: { getMigrations: async () => ({ '0001-initial': initial }) },
    ...(schema !== undefined ? { migrationTableSchema: schema } : {}),
  })
  const { error } = await migrator.migrateToLatest()
  if (error !== undefined) throw error
  await oldApplication(old, 'paid', 'paid')
  await oldApplication(old, 'unconfirmed', 'paying')
  await oldApplication(old, 'broken', 'paid')
  await old.destroy()

  const registryFile = join(dataDir, 'registry.json')
  writeFileSync(registryFile, JSON.stringify(testRegistry()))
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      REGISTRY_FILE: registryFile,
      ID_ENCRYPTION_KEY: key,
      ...(pgUrl !== undefined && schema !== undefined ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : {}),
    },
    dataDir,
  )
  app = await buildApp(config, { logger: false, clock: createClock({ today: '2026-12-20' }) })
})

afterAll(async () => {
  await app?.close()
  if (pgUrl !== undefined && schema !== undefined) {
    const pool = new Pool({ connectionString: pgUrl, max: 1 })
    await pool.query(`drop schema if exists "${schema}" cascade`)
    // pg-boss keeps the outbound-message jobs in a schema of its own beside it.
    await pool.query(`drop schema if exists "${schema}_jobs" cascade`)
    await pool.end()
  }
  rmSync(dataDir, { recursive: true, force: true })
})

const row = (no: string) => app.ctx.db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow()

it('the old paid application is paying, its one payment the line of the month it was paid in, and the history says why', async () => {
  const migrated = await row(OLD.paid.no)
  expect(migrated.status).toBe('paying')
  expect(migrated.version).toBe(6)
  const ledger = await app.ctx.services.payments.ledger(OLD.paid.no)
  expect(ledger.entitlement).toMatchObject({ monthlyYuan: 500, months: 36, firstMonth: '2026-02', paidMonths: 1, paidYuan: 500, nextMonth: '2026-02' })
  expect(ledger.lines).toEqual([
    {
      month: '2026-12',
      amountYuan: 500,
      status: 'paid',
      source: expect.stringContaining('PAY-old-1'),
      runId: null,
      origin: 'legacy',
      at: '2026-12-09T03:00:00.000Z',
    },
  ])
  expect(ledger.history.at(-1)).toMatchObject({ event: 'migrate-monthly-payments', from: 'paid', status: 'paying', actor: 'migration:0003' })
  // The old table stays as the record of what the old code did.
  expect(await app.ctx.db.selectFrom('payments').select('reference').execute()).toEqual([{ reference: 'PAY-old-1' }, { reference: 'PAY-old-1' }])
})

it('an old paying application (a payment never confirmed) keeps paying, with its entitlement and no lines', async () => {
  expect((await row(OLD.unconfirmed.no)).status).toBe('paying')
  const ledger = await app.ctx.services.payments.ledger(OLD.unconfirmed.no)
  expect(ledger.lines).toEqual([])
  expect(ledger.entitlement).toMatchObject({ firstMonth: '2026-02', paidMonths: 0 })
})

it('an application without the facts to fix an entitlement is left exactly as it was', async () => {
  const left = await row(OLD.broken.no)
  expect(left).toMatchObject({ status: 'paid', version: 5 })
  await expect(app.ctx.services.payments.ledger(OLD.broken.no)).rejects.toMatchObject({ statusCode: 404 })
})

it('the first run pays the months owed as arrears, and its bank file leaves out the old payment', async () => {
  app.ctx.clock.setToday('2027-01-05')
  const { run } = await app.ctx.services.payments.run('2027-01', 'cli')
  // Paid: February to November and January (11), and February to January (12).
  expect(run).toMatchObject({ month: '2027-01', paid: 23, suspended: 0, totalYuan: 11_500 })
  const rows = []
  for await (const bankRow of app.ctx.services.payments.bankRows(run.id)) rows.push(bankRow)
  const paidMonths = rows.filter((r) => r.applicationNo === OLD.paid.no).map((r) => r.month)
  expect(paidMonths).toHaveLength(11)
  expect(paidMonths).not.toContain('2026-12')
  expect(rows.find((r) => r.applicationNo === OLD.paid.no)?.cardNumber).toBe(OLD.paid.person.cardNumber)
  const ledger = await app.ctx.services.payments.ledger(OLD.paid.no)
  expect(ledger.entitlement).toMatchObject({ paidMonths: 12, paidYuan: 6000, nextMonth: '2027-02' })
})
