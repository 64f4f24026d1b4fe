// `node bench/rate-limit-redis-ab.mjs`: what sharing the rate limits through Redis costs the hot
// path. The real server without and with REDIS_URL, and a bare Fastify hello-world, run as three
// processes and are measured in short interleaved autocannon turns (hello, without, with; the last
// two swapped every other round), so load from elsewhere on the machine weighs on all three alike:
// api-throughput.bench.mjs measures its two targets a minute apart, which on a busy two-core
// machine moved its ratio by ±30 points between identical runs. Prints each round's ratio of
// GET /api/v1/application to hello-world and the server's CPU time per request, then the medians.
//
// Redis: AB_REDIS_URL, or a private redis-server started here on a free loopback port.
// AB_ROUNDS (8) rounds of AB_SECONDS (3) s per target. Not part of `npm run bench` (it takes
// ~2 minutes); the limit is that the limiter may not cost more than 5 points.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
const require = createRequire(import.meta.url)
const autocannon = require('autocannon')
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const children = []
// However this ends (an error included), the processes it started end with it.
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})
function start(args, env, pattern, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    let seen = ''
    const look = (c) => { seen += c; const m = pattern.exec(seen); if (m) resolve({ child, url: m[1] }) }
    child.stdout.on('data', look); child.stderr.on('data', look)
    child.on('exit', (code) => reject(new Error(`exit ${code} ${seen}`)))
  })
}
const cpu = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100 }
const helpers = (p) => tsImport(`../tests/server/helpers/${p}`, import.meta.url)
const [{ testPerson }, { validForm }, { photo: testPhoto }] = await Promise.all([helpers('people.ts'), helpers('client.ts'), helpers('photos.ts')])
async function call(base, method, path, { token, body, headers = {} } = {}) {
  const r = await fetch(`${base}/api/v1${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...headers }, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body) })
  const j = await r.json(); if (!r.ok) throw new Error(JSON.stringify(j)); return j
}
async function file(base, n, photo) {
  const { token } = await call(base, 'POST', '/sessions', { body: { platform: 'h5', code: `ab-${n}` } })
  const p = testPerson(n)
  await call(base, 'POST', '/card-binding', { token, body: { consent: true, name: p.name, idNumber: p.idNumber, cardNumber: p.cardNumber } })
  const saved = await call(base, 'PUT', '/application', { token, body: validForm() })
  for (const doc of saved.application.requiredDocuments) { const f = new FormData(); f.append('kind', doc.kind); f.append('file', new Blob([photo], { type: 'image/jpeg' }), 'p.jpg'); await call(base, 'POST', '/application/photos', { token, body: f }) }
  await call(base, 'POST', '/application/submit', { token, headers: { 'idempotency-key': `ab-${n}` } })
  return token
}
const photo = await testPhoto({ width: 1200, height: 900 })
const serverEnv = (dir) => ({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, REGISTRY_FILE: join(dir, 'r.json'), LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_AUTH_PER_MINUTE: '10000000', NODE_ENV: 'development' })
const dirs = [mkdtempSync(join(tmpdir(), 'ab-')), mkdtempSync(join(tmpdir(), 'ab-'))]
for (const d of dirs) writeFileSync(join(d, 'r.json'), JSON.stringify(Array.from({ length: 10 }, (_, n) => testPerson(n))))
const hello = await start(['-e', "const app = require('fastify')(); app.get('/', async () => ({ hello: 'world' })); app.listen({ port: 0, host: '127.0.0.1' }).then((a) => console.log('hello listening on ' + a))"], { NODE_ENV: 'development' }, /hello listening on (http:\/\/[\d.:]+)/)
const pat = /listening on (http:\/\/[\d.:]+)\/api\/v1/
const plain = await start(['--import', 'tsx', 'src/main.ts'], serverEnv(dirs[0]), pat, join(root, 'packages/server'))
let redisUrl = process.env.AB_REDIS_URL
if (redisUrl === undefined) {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address()
      probe.close(() => resolve(free))
    })
  })
  const redisDir = mkdtempSync(join(tmpdir(), 'ab-redis-'))
  dirs.push(redisDir)
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], { stdio: 'ignore' })
  children.push(server)
  await new Promise((resolve) => setTimeout(resolve, 300))
  redisUrl = `redis://127.0.0.1:${port}`
}
const redis = await start(['--import', 'tsx', 'src/main.ts'], { ...serverEnv(dirs[1]), REDIS_URL: redisUrl, REDIS_PREFIX: 'ab:', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, pat, join(root, 'packages/server'))
const tokens = [await file(plain.url, 1, photo), await file(redis.url, 1, photo)]
const SECONDS = Number(process.env.AB_SECONDS ?? 3)
async function turn(url, pid, headers) {
  const before = cpu(pid)
  const r = await autocannon({ url, connections: 50, duration: SECONDS, headers })
  if (r.non2xx || r.errors) throw new Error(`${url} ${r.non2xx} ${r.errors}`)
  return { rate: r.requests.average, cpu: ((cpu(pid) - before) * 1e6) / r.requests.total }
}
const targets = [
  () => turn(`${hello.url}/`, hello.child.pid, {}),
  () => turn(`${plain.url}/api/v1/application`, plain.child.pid, { authorization: `Bearer ${tokens[0]}` }),
  () => turn(`${redis.url}/api/v1/application`, redis.child.pid, { authorization: `Bearer ${tokens[1]}` }),
]
for (const t of targets) { await t() } // warm-up
const rows = []
for (let round = 0; round < Number(process.env.AB_ROUNDS ?? 8); round++) {
  const order = round % 2 ? [0, 2, 1] : [0, 1, 2]
  const got = []
  for (const i of order) got[i] = await targets[i]()
  rows.push(got)
  console.log(`round ${round + 1}: hello ${got[0].rate.toFixed(0)}/s · without ${got[1].rate.toFixed(0)}/s ${(100 * got[1].rate / got[0].rate).toFixed(1)} % ${got[1].cpu.toFixed(0)} µs · with Redis ${got[2].rate.toFixed(0)}/s ${(100 * got[2].rate / got[0].rate).toFixed(1)} % ${got[2].cpu.toFixed(0)} µs`)
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] }
console.log(`median ratio without ${(100 * med(rows.map((r) => r[1].rate / r[0].rate))).toFixed(1)} %, with Redis ${(100 * med(rows.map((r) => r[2].rate / r[0].rate))).toFixed(1)} %; median CPU/request without ${med(rows.map((r) => r[1].cpu)).toFixed(0)} µs, with ${med(rows.map((r) => r[2].cpu)).toFixed(0)} µs; median per-round difference of ratios ${(100 * med(rows.map((r) => (r[1].rate - r[2].rate) / r[0].rate))).toFixed(1)} points`)
for (const c of children) c.kill('SIGTERM')
await new Promise((resolve) => setTimeout(resolve, 500))
for (const d of dirs) rmSync(d, { recursive: true, force: true })
