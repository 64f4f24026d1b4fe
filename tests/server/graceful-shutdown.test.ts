/**
 * Graceful shutdown of the real server process (`node --import tsx packages/server/src/main.ts`):
 * SIGTERM while uploads are half-sent. The server stops taking connections at once, lets every
 * upload under way finish and store its photo, closes an idle keep-alive connection instead of
 * waiting out its timeout, then exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'pg'
import { buildApp } from '../../packages/server/src/app'
import { loadConfig } from '../../packages/server/src/config'
import { multipart, samplePhoto, validForm } from './helpers/client'
import { testPerson, testRegistry } from './helpers/people'
import { pgUrl } from './helpers/test-app'

// The root config runs this suite as a second project, where the per-project testTimeout does not apply.
jest.setTimeout(60_000)

const root = join(__dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'zhihui-shutdown-'))
const schema = pgUrl === undefined ? undefined : `t_shutdown_${process.pid}_${randomBytes(3).toString('hex')}`
const env: Record<string, string> = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir,
  REGISTRY_FILE: join(dataDir, 'registry.json'),
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_AUTH_PER_MINUTE: '100000',
  LOG_LEVEL: 'info',
  SHUTDOWN_GRACE_MS: '20000',
  ...(pgUrl !== undefined && schema !== undefined ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : {}),
}
let child: ChildProcess | undefined
let output = ''

afterAll(async () => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  if (schema !== undefined) {
    const pool = new Pool({ connectionString: pgUrl, max: 1 })
    await pool.query(`drop schema if exists "${schema}" cascade`)
    // pg-boss keeps the outbound-message jobs in a schema of its own beside it.
    await pool.query(`drop schema if exists "${schema}_jobs" cascade`)
    await pool.end()
  }
  rmSync(dataDir, { recursive: true, force: true })
})

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** An upload whose body is sent in two halves (the second only when `finish` is called), on a keep-alive connection. */
function slowUpload(base: string, token: string, kind: string, photo: Buffer, agent: Agent) {
  const form = multipart({ kind }, { data: photo, filename: 'photo.jpg', contentType: 'image/jpeg' })
  const url = new URL(`${base}/api/v1/application/photos`)
  let send!: () => void
  const answer = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...form.headers, authorization: `Bearer ${token}`, 'content-length': form.payload.length } },
      (res) => {
        let text = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }))
      },
    )
    req.on('error', reject)
    const half = Math.floor(form.payload.length / 2)
    req.write(form.payload.subarray(0, half))
    send = () => req.end(form.payload.subarray(half))
  })
  return { answer, finish: () => send() }
}

it('on SIGTERM refuses new connections, finishes the uploads under way (each stored), closes idle connections and exits 0', async () => {
  writeFileSync(env.REGISTRY_FILE!, JSON.stringify(testRegistry()))
  child = spawn(process.execPath, ['--import', 'tsx', join('packages', 'server', 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child!.once('exit', (code) => resolve({ code, at: Date.now() })))
  await until('the server to listen', () => /listening on http:\/\/127\.0\.0\.1:\d+\/api\/v1/.test(output) || child!.exitCode !== null)
  const base = /listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output)![1]!

  // Two applicants with a saved form, each about to upload a photo.
  const photo = await samplePhoto()
  const applicants: { token: string; kind: string }[] = []
  for (let n = 0; n < 2; n++) {
    const token = (await call(base, 'POST', '/sessions', { platform: 'h5', code: `shutdown-${n}` })).body.token as string
    const p = testPerson(150 + n)
    expect((await call(base, 'POST', '/card-binding', { consent: true, name: p.name, idNumber: p.idNumber, cardNumber: p.cardNumber }, token)).status).toBe(200)
    const saved = await call(base, 'PUT', '/application', validForm(), token)
    applicants.push({ token, kind: (saved.body.application as { requiredDocuments: { kind: string }[] }).requiredDocuments[0]!.kind })
  }
  // Keep-alive connections, as browsers and balancers use: one idle before the signal, and those of
  // the uploads, idle once answered. The server must not wait for them to time out.
  const keepAlive = new Agent({ keepAlive: true })
  await new Promise<void>((resolve) => request(`${base}/healthz`, { agent: keepAlive }, (res) => res.resume().on('end', resolve)).end())

  const uploads = applicants.map((a) => slowUpload(base, a.token, a.kind, photo, keepAlive))
  await new Promise((resolve) => setTimeout(resolve, 300))
  child.kill('SIGTERM')
  await until('the shutdown to begin', () => output.includes('shutting down'))

  // No new connections…
  await expect(fetch(`${base}/api/v1/offices`)).rejects.toThrow()
  // …but the uploads under way finish, and are answered as usual.
  for (const upload of uploads) upload.finish()
  const answers = await Promise.all(uploads.map((u) => u.answer))
  const answeredAt = Date.now()
  for (const answer of answers) expect(answer).toMatchObject({ status: 200, body: { photoId: expect.any(String), bytes: expect.any(Number) } })

  const { code, at } = await exited
  expect(code).toBe(0)
  // Not the keep-alive timeout (72 s in Fastify): a few seconds at most.
  expect(at - answeredAt).toBeLessThan(5_000)
  expect(output).toContain('"msg":"stopped"')
  keepAlive.destroy()

  // Every photo was stored: a new server on the same data has them.
  const app = await buildApp(loadConfig(env, dataDir), { logger: false })
  try {
    for (const [i, a] of applicants.entries()) {
      const view = await app.inject({ method: 'GET', url: '/api/v1/application', headers: { authorization: `Bearer ${a.token}` } })
      const documents = view.json().documents as { photoId: string }[]
      expect(documents.map((d) => d.photoId)).toEqual([answers[i]!.body.photoId])
      const stored = await app.inject({ method: 'GET', url: `/api/v1/application/photos/${documents[0]!.photoId}`, headers: { authorization: `Bearer ${a.token}` } })
      expect(stored.statusCode).toBe(200)
    }
  } finally {
    await app.close()
  }
})
