// API throughput: the real server (tsx, SQLite in a temp DATA_DIR) against a bare Fastify
// hello-world, both as child processes on 127.0.0.1 measured by the same autocannon run
// (50 connections, ~5 s, after a 2 s warm-up, best of two turns each). Prints req/s of each and their ratio for
// `GET /api/v1/application` of an applicant with a submitted application; exits 1 when the
// ratio is below 50 %. Beside it, how many complete submissions (session → card binding → form →
// 4 photos → submit) the server finishes per second on SQLite.
//
// The server runs with LOG_LEVEL=silent (no logger, like the hello-world) and a rate limit raised
// out of reach: the limiter still runs on every request, it just never refuses. Security headers,
// authentication and the database read run as in production. Both processes get the same NODE_ENV.
//
// Beside the server's CPU time per request it prints autocannon's own (this process): on a
// two-core machine the load generator and the server share the CPUs, and autocannon parses every
// response in JavaScript and decodes every body to a string, so a 1.8 KB answer with a dozen
// headers costs the client about twice what the hello-world's does. When the client's figure
// approaches the server's, the rate measures both.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import { runBench } from './lib/run-bench.mjs'

const require = createRequire(import.meta.url)
const autocannon = require('autocannon')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 50
const TARGET_RATIO = 0.5
const SUBMIT_WORKERS = 8
const children = []
const tempDirs = []

function start(command, args, env, pattern, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`did not start: ${seen}`)), 30_000)
    const look = (chunk) => {
      seen += chunk.toString()
      const match = pattern.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1] })
      }
    }
    child.stdout.on('data', look)
    child.stderr.on('data', look)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code}: ${seen}`))
    })
  })
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.removeAllListeners('exit')
    child.once('exit', resolve)
    child.kill('SIGTERM')
  })
}

const HELLO = `
const app = require('fastify')()
app.get('/', async () => ({ hello: 'world' }))
app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('hello listening on ' + address))
`

/** CPU seconds a process has used (Linux /proc; null elsewhere). Clock ticks are 1/100 s. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

async function measure(url, pid, headers = {}) {
  const before = cpuSeconds(pid)
  const client = process.cpuUsage()
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers })
  const after = cpuSeconds(pid)
  const { user, system } = process.cpuUsage(client)
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  const cpuPerRequest = before === null || after === null ? null : ((after - before) * 1e6) / result.requests.total
  return { rate: result.requests.average, cpuPerRequest, clientCpuPerRequest: (user + system) / result.requests.total }
}

// The API tests' own test data, so a change to what the API accepts is made once: registry people
// with valid GB 11643 ID numbers, the valid form, and noisy photos that compress like real ones.
const helpers = (path) => tsImport(`../tests/server/helpers/${path}`, import.meta.url)
const [{ testPerson }, { validForm }, { photo: testPhoto }] = await Promise.all([
  helpers('people.ts'),
  helpers('client.ts'),
  helpers('photos.ts'),
])

async function call(base, method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

async function fileApplication(base, n, photo) {
  const { token } = await call(base, 'POST', '/sessions', { body: { platform: 'h5', code: `bench-${n}` } })
  const p = testPerson(n)
  await call(base, 'POST', '/card-binding', { token, body: { consent: true, name: p.name, idNumber: p.idNumber, cardNumber: p.cardNumber } })
  const saved = await call(base, 'PUT', '/application', { token, body: validForm() })
  for (const doc of saved.application.requiredDocuments) {
    const form = new FormData()
    form.append('kind', doc.kind)
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg')
    await call(base, 'POST', '/application/photos', { token, body: form })
  }
  const answer = await call(base, 'POST', '/application/submit', { token, headers: { 'idempotency-key': `bench-${n}` } })
  return { token, applicationNo: answer.applicationNo }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhihui-bench-'))
  tempDirs.push(dataDir)
  const registryFile = join(dataDir, 'registry.json')
  writeFileSync(registryFile, JSON.stringify(Array.from({ length: 20_000 }, (_, n) => testPerson(n))))
  const photo = await testPhoto({ width: 1200, height: 900 })

  const NODE_ENV = 'development'
  const hello = await start(process.execPath, ['-e', HELLO], { NODE_ENV }, /hello listening on (http:\/\/[\d.:]+)/)

  // `node --import tsx` rather than the tsx command, so the server is one process whose CPU time can be read.
  const server = await start(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts'],
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, REGISTRY_FILE: registryFile, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_AUTH_PER_MINUTE: '10000000', NODE_ENV },
    /listening on (http:\/\/[\d.:]+)\/api\/v1/,
    join(root, 'packages/server'),
  )
  const base = server.url

  const seeded = await fileApplication(base, 0, photo)
  const targets = {
    hello: () => measure(`${hello.url}/`, hello.child.pid),
    app: () => measure(`${base}/api/v1/application`, server.child.pid, { authorization: `Bearer ${seeded.token}` }),
  }
  // Warm both up, then measure them in turn twice and keep each one's best: other work on the
  // machine then weighs on both alike instead of on whichever ran at the wrong moment.
  await autocannon({ url: `${hello.url}/`, connections: CONNECTIONS, duration: 2 })
  await autocannon({ url: `${base}/api/v1/application`, connections: CONNECTIONS, duration: 2, headers: { authorization: `Bearer ${seeded.token}` } })
  const best = (a, b) => (a === undefined || b.rate > a.rate ? b : a)
  let helloRun
  let appRun
  for (let round = 0; round < 2; round++) {
    helloRun = best(helloRun, await targets.hello())
    appRun = best(appRun, await targets.app())
  }
  const helloRate = helloRun.rate
  const appRate = appRun.rate
  await stop(hello.child)

  let next = 1
  let filed = 0
  const until = Date.now() + SECONDS * 1000
  const began = Date.now()
  await Promise.all(
    Array.from({ length: SUBMIT_WORKERS }, async () => {
      while (Date.now() < until) {
        await fileApplication(base, next++, photo)
        filed += 1
      }
    }),
  )
  const submitRate = filed / ((Date.now() - began) / 1000)
  await stop(server.child)

  const ratio = appRate / helloRate
  console.log(`hello-world GET /                        ${helloRate.toFixed(0).padStart(8)} req/s`)
  console.log(`GET /api/v1/application (submitted, SQLite) ${appRate.toFixed(0).padStart(8)} req/s`)
  console.log(`ratio                                      ${(ratio * 100).toFixed(1).padStart(7)} %   (target ≥ ${TARGET_RATIO * 100} %)`)
  if (helloRun.cpuPerRequest !== null && appRun.cpuPerRequest !== null) {
    console.log(
      `server CPU per request                     hello-world ${helloRun.cpuPerRequest.toFixed(0)} µs, /api/v1/application ${appRun.cpuPerRequest.toFixed(0)} µs`,
    )
  }
  console.log(
    `autocannon CPU per request                 hello-world ${helloRun.clientCpuPerRequest.toFixed(0)} µs, /api/v1/application ${appRun.clientCpuPerRequest.toFixed(0)} µs`,
  )
  console.log(
    `complete submissions on SQLite             ${submitRate.toFixed(1).padStart(8)} /s    (${filed} applicants in ${SECONDS} s, ${SUBMIT_WORKERS} at a time, 4 photos each)`,
  )
  return ratio >= TARGET_RATIO ? 0 : 1
}


runBench(main, [
  async () => {
    await Promise.all(children.map(stop))
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  },
])
