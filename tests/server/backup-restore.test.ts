/**
 * The backup and restore drill (scripts/backup.mjs, scripts/restore.mjs), run as an operator
 * would: applications with photos are filed through the API, the scripts run as processes with
 * the server's environment, and an app built on the restored copy answers the same tokens with
 * the same applications and the same photo bytes.
 *
 * SQLite: DATA_DIR and photos on disk → a new DATA_DIR. PostgreSQL: a schema with photos in an S3
 * bucket → another schema of the same database (beside the live one, as a drill is) with photos in
 * another bucket, and → a new database.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client as PgClient, Pool } from 'pg'
import { buildApp } from '../../packages/server/src/app'
import { createClock } from '../../packages/server/src/clock'
import { loadConfig } from '../../packages/server/src/config'
import { Client, readyApplicant, reviewer, submitted } from './helpers/client'
import { testPerson } from './helpers/people'
import { startS3, type LocalS3 } from './helpers/services'
import { pgUrl, startTestApp, TODAY, type TestApp } from './helpers/test-app'

// The root config runs this suite as a second project, where the per-project testTimeout does not apply.
jest.setTimeout(120_000)

const root = join(__dirname, '..', '..')
const temp = mkdtempSync(join(tmpdir(), 'zhihui-drill-'))
let source: LocalS3 | undefined
let target: LocalS3 | undefined
let t: TestApp
const dropAfter: { schemas: string[]; databases: string[] } = { schemas: [], databases: [] }

beforeAll(async () => {
  if (pgUrl !== undefined) {
    source = await startS3('live-photos')
    target = await startS3('drill-photos')
  }
  t = await startTestApp({ env: source?.env ?? {} })
})
afterAll(async () => {
  await t?.close()
  if (pgUrl !== undefined) {
    const pool = new Pool({ connectionString: pgUrl, max: 1 })
    for (const schema of dropAfter.schemas) {
      await pool.query(`drop schema if exists "${schema}" cascade`)
      // pg-boss keeps the outbound-message jobs in a schema of its own beside it.
      await pool.query(`drop schema if exists "${schema}_jobs" cascade`)
    }
    for (const database of dropAfter.databases) await pool.query(`drop database if exists "${database}" with (force)`)
    await pool.end()
  }
  await source?.close()
  await target?.close()
  rmSync(temp, { recursive: true, force: true })
})

/** Runs a script of scripts/ with exactly `env` (plus PATH), bounded in time; resolves with its output. */
function script(name: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', name), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${name} exited with ${code}:\n${output}`))
    })
  })
}

/** The environment of the live server, as the scripts read it. */
function liveEnv(): Record<string, string> {
  return {
    DATA_DIR: t.dataDir,
    ...(pgUrl !== undefined ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: t.config.databaseSchema! } : {}),
    ...(source?.env ?? {}),
  }
}

it('restores a populated database and its photos into a fresh copy that answers the same applicants with the same data', async () => {
  const app = () => t.app
  // Two applicants: one submitted and rejected with reasons, one still a draft with its photos.
  const first = await submitted(app, 'drill-1', testPerson(180))
  await reviewer(app).send('POST', `/review/applications/${first.no}/decision`, {
    decision: 'reject',
    reasons: [{ target: 'hukou', code: 'PAGE', message: '请上传户口本本人页' }],
  })
  const draft = await readyApplicant(app, 'drill-2', testPerson(181))
  const clients = [first.client, draft]
  const before = await Promise.all(clients.map(async (client) => (await client.get('/application')).body))
  const photosBefore = new Map<string, Buffer>()
  for (const [i, view] of before.entries()) {
    for (const doc of view.documents as { photoId: string }[]) {
      photosBefore.set(doc.photoId, (await clients[i]!.get(`/application/photos/${doc.photoId}`)).raw.rawPayload)
    }
  }
  expect(photosBefore.size).toBeGreaterThanOrEqual(8)

  const backup = join(temp, 'backup')
  const made = await script('backup.mjs', ['--out', backup], liveEnv())
  expect(made).toContain('备份完成')
  const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'))
  expect(manifest.photos.count).toBe(photosBefore.size)
  expect(manifest.database.kind).toBe(pgUrl === undefined ? 'sqlite' : 'postgres')
  expect(manifest.idEncryptionKey).toMatch(/^included/)

  // The fresh copy: another schema beside the live one (PostgreSQL) or another DATA_DIR (SQLite).
  const restoredDir = join(temp, 'restored')
  const restoredSchema = `${t.config.databaseSchema}_drill`
  if (pgUrl !== undefined) dropAfter.schemas.push(restoredSchema)
  const restoredEnv: Record<string, string> = {
    DATA_DIR: restoredDir,
    REGISTRY_FILE: t.config.registryFile!,
    ...(pgUrl !== undefined ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: restoredSchema, ...target!.env } : {}),
  }
  const restored = await script('restore.mjs', [backup], restoredEnv)
  expect(restored).toContain('恢复完成')

  // A restore never writes over what is there.
  await expect(script('restore.mjs', [backup], restoredEnv)).rejects.toThrow(pgUrl === undefined ? /已经存在/ : /已经有数据表/)

  const copy = await buildApp(loadConfig(restoredEnv, restoredDir), { logger: false, clock: createClock({ today: TODAY }) })
  try {
    const viaCopy = clients.map((client) => new Client(() => copy, client.token))
    const after = await Promise.all(viaCopy.map(async (client) => (await client.get('/application')).body))
    expect(after).toEqual(before)
    for (const [i, view] of after.entries()) {
      for (const doc of view.documents as { photoId: string }[]) {
        const bytes = (await viaCopy[i]!.get(`/application/photos/${doc.photoId}`)).raw.rawPayload
        expect(bytes.equals(photosBefore.get(doc.photoId)!)).toBe(true)
      }
    }
    // The ID numbers decrypt (the key came along): the reviewer's view shows the masked number.
    const detail = await reviewer(() => copy).get(`/review/applications/${first.no}`)
    expect((detail.body.applicant as { idNumberMasked: string }).idNumberMasked).toMatch(/^4101\*+\d{3}[\dX]$/)
    // And the copy works on: the rejected applicant resubmits there.
    expect((await viaCopy[0]!.submit('drill-again')).body).toEqual({ applicationNo: first.no, status: 'submitted' })
  } finally {
    await copy.close()
  }
  if (pgUrl === undefined) {
    expect(readdirSync(join(restoredDir, 'photos'), { recursive: true }).filter((f) => String(f).endsWith('.jpg'))).toHaveLength(photosBefore.size)
  }
})

const onPostgres = pgUrl === undefined ? it.skip : it
onPostgres('restores into a new database, created by the restore, under another schema name', async () => {
  const backup = join(temp, 'backup')
  expect(existsSync(join(backup, 'manifest.json'))).toBe(true)
  const database = `zhihui_drill_${process.pid}_${randomBytes(3).toString('hex')}`
  dropAfter.databases.push(database)
  const url = new URL(pgUrl!)
  url.pathname = `/${database}`
  const dataDir = join(temp, 'restored-db')
  await script('restore.mjs', [backup], { DATA_DIR: dataDir, DATABASE_URL: url.href, DATABASE_SCHEMA: 'zhihui', PHOTO_STORE: 'postgres' })
  const client = new PgClient({ connectionString: url.href })
  await client.connect()
  try {
    const counts = await client.query(
      'select (select count(*)::int from zhihui.applications) as applications, (select count(*)::int from zhihui.photo_blobs) as blobs, (select count(*)::int from zhihui.photos) as photos',
    )
    expect(counts.rows[0]).toEqual({ applications: 2, blobs: expect.any(Number), photos: expect.any(Number) })
    expect(counts.rows[0].blobs).toBeGreaterThanOrEqual(counts.rows[0].photos)
  } finally {
    await client.end()
  }
})
