// Load proof: 200 simulated applicants at once, each doing the whole journey again and again with
// new identities, against two API instances behind the balancer, on PostgreSQL + Redis with the
// photos in S3 (an s3rver): the set-up of `npm run start:cluster`, started here for the run.
//
//   npm run bench -- load-journey
//   BENCH_SECONDS=20 BENCH_USERS=50 node bench/load-journey.bench.mjs
//
// Each virtual applicant loops: POST /sessions (a new h5 development identity) → POST
// /card-binding (a synthetic registry person of its own) → PUT /application → 4 × POST
// /application/photos (small JPEGs, 480 × 360) → POST /application/submit (Idempotency-Key) →
// GET /application BENCH_POLLS times (3), checking it shows the submitted application. Before
// each step after the first it pauses as a person would, BENCH_THINK_MS on average (5000; each
// pause uniform between half and one and a half times it); BENCH_THINK_MS=0 sends the steps back
// to back, which is a stress test rather than 200 people. Applicants arrive over the first
// BENCH_RAMP_S seconds (5). New journeys start for BENCH_SECONDS (60); those under way then finish.
// 8 journeys before the run warm both instances up and are not counted.
//
// Printed: journeys and requests a second (over the whole run, the last journeys' ending included),
// p50/p99/max per step, errors by kind (and what the
// instances logged as errors), whether every submit answered is one application in the database
// and nobody has two, and the load average before and after: the load generator, the balancer,
// the s3rver, both instances and PostgreSQL share this machine's cores. BENCH_PHOTO_STORE=disk
// (or postgres) runs the same with the photos elsewhere, to see what the s3rver costs.
//
// Exit 1 when any request failed, or when the p99 of any step but photo upload is over 1000 ms.
// Exit 0 with SKIPPED when PostgreSQL or Redis does not answer.
//
// What it sets up, and removes afterwards:
//   - PostgreSQL: a new database zhihui_bench_<random> on BENCH_DATABASE_URL's server (default
//     postgres://postgres@127.0.0.1:5432/test), dropped at the end.
//   - Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379) under the prefix zhihui:bench-<random>:,
//     its keys deleted at the end.
//   - A REGISTRY_FILE of BENCH_PEOPLE (40,000) synthetic people: the demo registry has twelve, and
//     each applicant needs a person of its own (one person, one application).
//   - Rate limits raised out of reach (RATE_LIMIT_PER_MINUTE and RATE_LIMIT_AUTH_PER_MINUTE
//     10,000,000): every client reaches the instances through the balancer, so all 200 share one
//     address, and the defaults (1200 a minute, 60 for sessions and card binding) would refuse
//     nearly all of them. The limiter still runs on every request and syncs through Redis.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root } from '../scripts/lib/product.mjs'
import { startCluster } from './lib/cluster.mjs'
import { journey, loadText, makePeople, makePhotos, printSummary, StepStats } from './lib/journey.mjs'
import { runBench } from './lib/run-bench.mjs'

const requireServer = createRequire(join(root, 'packages', 'server', 'package.json'))
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const USERS = Number(process.env.BENCH_USERS ?? 200)
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 5000)
const POLLS = Number(process.env.BENCH_POLLS ?? 3)
const RAMP_S = Number(process.env.BENCH_RAMP_S ?? 5)
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 40_000)
const P99_LIMIT_MS = 1000
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const tag = randomBytes(4).toString('hex')
const database = `zhihui_bench_${tag}`
const redisPrefix = `zhihui:bench-${tag}:`

const cleanups = []

async function createDatabase() {
  const { Client } = requireServer('pg')
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${database}`)
  await admin.end()
  cleanups.push(async () => {
    const again = new Client({ connectionString: adminUrl })
    await again.connect()
    await again.query(`drop database if exists ${database} with (force)`)
    await again.end()
  })
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.href
}

function cleanRedisOnExit() {
  cleanups.push(async () => {
    const Redis = requireServer('ioredis')
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
    redis.on('error', () => undefined)
    try {
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000)
        cursor = next
        if (keys.length > 0) await redis.del(...keys)
      } while (cursor !== '0')
    } finally {
      redis.disconnect()
    }
  })
}

/** PostgreSQL and Redis answer; else why not (the benchmark then says so and skips, like the other PostgreSQL benchmarks). */
async function servicesMissing() {
  const { Client } = requireServer('pg')
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    return `PostgreSQL at ${adminUrl} does not answer (${error.message})`
  } finally {
    await client.end().catch(() => undefined)
  }
  const Redis = requireServer('ioredis')
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000, retryStrategy: () => null })
  redis.on('error', () => undefined)
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    return `Redis at ${redisUrl} does not answer (${error.message})`
  } finally {
    redis.disconnect()
  }
  return undefined
}

async function main() {
  const missing = await servicesMissing()
  if (missing !== undefined) {
    console.log(`SKIPPED, nothing measured: ${missing}. Set BENCH_DATABASE_URL / BENCH_REDIS_URL.`)
    return 0
  }
  console.log(`load average at start: ${loadText()}   (${new Date().toISOString()})`)
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-load-'))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  const registryFile = join(dir, 'registry.json')
  const people = await makePeople(PEOPLE)
  writeFileSync(registryFile, JSON.stringify(people))
  const photos = await makePhotos()

  const databaseUrl = await createDatabase()
  cleanRedisOnExit()
  const cluster = await startCluster({
    databaseUrl,
    redisUrl,
    redisPrefix,
    registryFile,
    env: {
      RATE_LIMIT_PER_MINUTE: '10000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '10000000',
      // BENCH_PHOTO_STORE=disk|postgres: the same run with the photos elsewhere, to see what the s3rver costs.
      ...(process.env.BENCH_PHOTO_STORE ? { PHOTO_STORE: process.env.BENCH_PHOTO_STORE } : {}),
    },
  })
  cleanups.unshift(() => cluster.close())
  console.log(`cluster: balancer ${cluster.base} → ${cluster.instances.map((i) => `${i.name} ${i.origin}`).join(', ')}; PostgreSQL database ${database}; Redis prefix ${redisPrefix}; s3rver ${cluster.s3.endpoint}`)

  let next = 0
  const takePerson = () => {
    if (next >= people.length) throw new Error(`all ${people.length} registry people used: raise BENCH_PEOPLE`)
    const n = next++
    return { n, person: people[n] }
  }
  // Warm-up (not counted): a few journeys, so both instances have compiled their paths.
  const answered = []
  const onSubmitted = (record) => answered.push(record.applicationNo)
  const warm = { base: cluster.base, stats: new StepStats(), photos, polls: 1, onSubmitted }
  await Promise.all(Array.from({ length: 8 }, () => {
    const { n, person } = takePerson()
    return journey(warm, `load-${tag}-${n}`, person)
  }))

  const stats = new StepStats()
  const ctx = { base: cluster.base, stats, photos, thinkMs: THINK_MS, polls: POLLS, onSubmitted }
  let journeys = 0
  let failedJourneys = 0
  const began = performance.now()
  const until = Date.now() + SECONDS * 1000
  console.log(`${USERS} applicants for ${SECONDS} s, pausing ${THINK_MS} ms on average before each step…   load average ${loadText()}`)
  await Promise.all(
    Array.from({ length: USERS }, async (_, i) => {
      // Applicants arrive spread over the first RAMP_S seconds, not all in the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, (i / USERS) * RAMP_S * 1000))
      while (Date.now() < until) {
        const { n, person } = takePerson()
        try {
          await journey(ctx, `load-${tag}-${n}`, person)
          journeys += 1
        } catch {
          failedJourneys += 1
        }
      }
    }),
  )
  const seconds = (performance.now() - began) / 1000
  const loadAfter = loadText()

  // Every submit answered is one application in the database, and no person has two.
  const { Client } = requireServer('pg')
  const check = new Client({ connectionString: databaseUrl })
  await check.connect()
  const distinct = new Set(answered).size
  const found = Number((await check.query(`select count(*) from applications where application_no = any($1)`, [answered])).rows[0].count)
  const filed = Number((await check.query(`select count(*) from applications where application_no is not null`)).rows[0].count)
  const doubled = Number((await check.query(`select count(*) from (select person_id from applications group by person_id having count(*) > 1) d`)).rows[0].count)
  await check.end()

  const rows = stats.summary(seconds)
  const requests = rows.reduce((sum, r) => sum + r.count + r.errors, 0)
  console.log('')
  printSummary(rows)
  console.log(
    `\n${journeys} journeys completed in ${seconds.toFixed(1)} s (${(journeys / seconds).toFixed(2)} /s), ${failedJourneys} failed; ${requests} requests (${(requests / seconds).toFixed(0)} /s); ${USERS} applicants at once, 2 instances`,
  )
  console.log(
    `submits answered: ${answered.length} (8 by the warm-up), distinct numbers ${distinct}, found in the database ${found}; applications filed there ${filed}; people with more than one ${doubled}`,
  )
  console.log(`load average: ${loadAfter} at the end   (${new Date().toISOString()})`)
  if (stats.totalErrors() > 0) console.log(`errors:\n  ${stats.errorText().join('\n  ')}`)
  // What the instances logged as errors (pino level ≥ 50), by message and cause: the why of any 5xx.
  const logged = {}
  for (const instance of cluster.instances) {
    for (const line of instance.lines) {
      try {
        const entry = JSON.parse(line)
        if (entry.level < 50) continue
        const what = `${entry.msg}: ${entry.err?.type ?? ''} ${entry.err?.code ?? entry.err?.name ?? ''} ${String(entry.err?.message ?? '').slice(0, 120)}`
        logged[what] = (logged[what] ?? 0) + 1
      } catch {
        // not JSON
      }
    }
  }
  const loggedText = Object.entries(logged).map(([what, n]) => `${what} ×${n}`)
  if (loggedText.length > 0) console.log(`errors logged by the instances:\n  ${loggedText.join('\n  ')}`)

  const slow = rows.filter((r) => r.step !== 'photo' && r.p99 > P99_LIMIT_MS)
  const problems = [
    ...(stats.totalErrors() > 0 ? [`${stats.totalErrors()} requests failed`] : []),
    ...slow.map((r) => `${r.step} p99 ${r.p99.toFixed(0)} ms > ${P99_LIMIT_MS} ms`),
    ...(distinct !== answered.length || found !== answered.length ? [`${answered.length} submits answered, ${distinct} distinct numbers, ${found} in the database`] : []),
    ...(doubled > 0 ? [`${doubled} people with two applications`] : []),
  ]
  if (problems.length > 0) console.log(`FAIL: ${problems.join('; ')}`)
  else console.log(`OK: no errors, p99 ≤ ${P99_LIMIT_MS} ms for every step but photo upload`)
  return problems.length > 0 ? 1 : 0
}


runBench(main, cleanups)
