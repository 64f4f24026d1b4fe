// Fault proofs under load: two API instances behind the balancer (bench/lib/cluster.mjs) on a
// private PostgreSQL and a private Redis that this script starts (initdb into a temporary folder,
// redis-server on a free port; both on loopback, stopped and removed at the end; the machine's
// shared servers are never touched), photos in an s3rver. Simulated applicants do the whole journey
// (bench/lib/journey.mjs) while, in turn:
//
//   redis   the private Redis is stopped for 8 s: every request must still succeed (no retry
//           allowed), each instance must log that rate limits are now counted per instance, and
//           after Redis is back the counts reach it again (its rate-limit keys reappear) and
//           /readyz of both instances reports it up.
//   pg      the private PostgreSQL is stopped (-m immediate: a crash, recovery at start) for 8 s,
//           then started: every failed try must be a 503 UNAVAILABLE (never a 500), clients retry
//           as the app's user does (the same Idempotency-Key for the submit), every journey ends,
//           and nothing is lost: each submit answered is one application in the database, no
//           person has two, every accepted photo is readable.
//   kill9   kill -9 of one instance in the middle of uploads and submits; clients retry (a 502 or
//           a network failure: the same photo again, the submit with the same Idempotency-Key).
//           0 applications lost, 0 duplicated, every accepted photo readable through the other
//           instance, and the application each applicant reads shows exactly the photos it was
//           told were accepted.
//
//   npm run bench -- faults                   all three, about two and a half minutes
//   FAULTS=pg,kill9 node bench/faults.bench.mjs
//   FAULT_USERS=40 (applicants at once), FAULT_SECONDS=24 (new journeys start for this long)
//
// Rate limits are raised out of reach for the same reason as in load-journey.bench.mjs (every
// client reaches the instances through the balancer's one address). Without initdb/pg_ctl the
// script says so and exits 0 without running (nothing was proven; the message says that too).
// Exit 1 when any proof fails.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import { root } from '../scripts/lib/product.mjs'
import { startCluster } from './lib/cluster.mjs'
import { journey, loadText, makePeople, makePhotos, printSummary, StepStats } from './lib/journey.mjs'
import { runBench } from './lib/run-bench.mjs'

const requireServer = createRequire(join(root, 'packages', 'server', 'package.json'))
const USERS = Number(process.env.FAULT_USERS ?? 40)
const SECONDS = Number(process.env.FAULT_SECONDS ?? 24)
const ONLY = (process.env.FAULTS ?? 'redis,pg,kill9').split(',').map((s) => s.trim())
const OUTAGE_MS = 8_000
const redisPrefix = 'zhihui:faults:'

const cleanups = []
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const clock = (t0) => `${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s`

/**
 * Runs `users` applicants for `seconds` (journeys under way then finish), with `events` fired at
 * their times (ms from the start). Answers every journey's record, the statistics, and each
 * failed try with its time.
 */
async function drive(cluster, shared, { users, seconds, retry, events = [] }) {
  const stats = new StepStats()
  const inFlight = {}
  const failures = []
  const t0 = performance.now()
  const records = []
  const ctx = {
    base: cluster.base,
    stats,
    photos: shared.photos,
    polls: 1,
    timeoutMs: 30_000,
    ...(retry ? { retry: { delayMs: retry.delayMs, untilMs: Date.now() + (seconds + 90) * 1000 } } : {}),
    onRetry: (step, what) => failures.push({ at: performance.now() - t0, step, what }),
    inFlight,
  }
  const until = Date.now() + seconds * 1000
  let failed = 0
  const fired = events.map(async ({ atMs, run }) => {
    await sleep(atMs)
    await run(t0, inFlight)
  })
  await Promise.all([
    ...fired,
    ...Array.from({ length: users }, async () => {
      while (Date.now() < until) {
        const n = shared.next++
        try {
          records.push(await journey(ctx, `fault-${n}`, shared.people[n]))
        } catch {
          failed += 1
        }
      }
    }),
  ])
  return { stats, failures, records, failed, seconds: (performance.now() - t0) / 1000, t0 }
}

/** Nothing lost, nothing doubled: database and photos against what the applicants were told. */
async function verify(databaseUrl, origin, records) {
  const problems = []
  const { Client } = requireServer('pg')
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const numbers = records.map((r) => r.applicationNo)
    const distinct = new Set(numbers).size
    const found = Number((await db.query('select count(*) from applications where application_no = any($1)', [numbers])).rows[0].count)
    const doubled = Number((await db.query('select count(*) from (select person_id from applications group by person_id having count(*) > 1) d')).rows[0].count)
    if (distinct !== numbers.length) problems.push(`${numbers.length - distinct} application numbers given to two applicants`)
    if (found !== numbers.length) problems.push(`${numbers.length - found} applications answered but not in the database (lost)`)
    if (doubled > 0) problems.push(`${doubled} people with more than one application (duplicated)`)
    // Checked through `origin` (the surviving instance after a kill), a few at a time.
    let photos = 0
    let unreadable = 0
    let mismatched = 0
    const queue = [...records]
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let record = queue.pop(); record !== undefined; record = queue.pop()) {
          const auth = { authorization: `Bearer ${record.token}` }
          const view = await (await fetch(`${origin}/api/v1/application`, { headers: auth })).json()
          const shown = Object.fromEntries((view.documents ?? []).map((d) => [d.kind, d.photoId]))
          if (view.applicationNo !== record.applicationNo || view.status !== 'submitted' || JSON.stringify(shown, Object.keys(shown).sort()) !== JSON.stringify(record.photos, Object.keys(record.photos).sort())) {
            mismatched += 1
          }
          for (const photoId of Object.values(record.photos)) {
            photos += 1
            const response = await fetch(`${origin}/api/v1/application/photos/${photoId}`, { headers: auth })
            const bytes = Buffer.from(await response.arrayBuffer())
            if (response.status !== 200 || bytes.length < 2_000 || bytes[0] !== 0xff || bytes[1] !== 0xd8) unreadable += 1
          }
        }
      }),
    )
    if (unreadable > 0) problems.push(`${unreadable} of ${photos} accepted photos not readable`)
    if (mismatched > 0) problems.push(`${mismatched} applicants whose application does not show what they were told`)
    return { problems, applications: numbers.length, photos }
  } finally {
    await db.end()
  }
}

function describeFailures(failures) {
  const byWhat = {}
  for (const f of failures) byWhat[`${f.step} ${f.what}`] = (byWhat[`${f.step} ${f.what}`] ?? 0) + 1
  return Object.entries(byWhat)
    .map(([what, n]) => `${what} ×${n}`)
    .join(', ')
}

async function scenarioRedis(cluster, shared) {
  const before = cluster.instances.map((i) => i.lines.length)
  const run = await drive(cluster, shared, {
    users: Math.min(USERS, 30),
    seconds: 18,
    events: [
      {
        atMs: 4_000,
        run: async (t0) => {
          await shared.redis.stop()
          console.log(`  ${clock(t0)}  private Redis stopped`)
          await sleep(OUTAGE_MS)
          await shared.redis.start()
          console.log(`  ${clock(t0)}  private Redis started again`)
        },
      },
    ],
  })
  const problems = []
  if (run.stats.totalErrors() > 0 || run.failed > 0) problems.push(`${run.stats.totalErrors()} requests failed while Redis was away (${run.stats.errorSamples.join('; ')})`)
  cluster.instances.forEach((instance, i) => {
    const said = instance.lines.slice(before[i]).filter((line) => line.includes('Redis unreachable, counting per instance')).length
    console.log(`  ${instance.name} logged "rate limits: Redis unreachable, counting per instance until it is back" ${said}×`)
    if (said !== 1) problems.push(`${instance.name} logged the per-instance fallback ${said} times, not once`)
  })
  // Back: both instances see Redis, and their counts reach it again.
  const Redis = requireServer('ioredis')
  const probe = new Redis(shared.redis.url, { maxRetriesPerRequest: 1 })
  probe.on('error', () => undefined)
  try {
    await probe.flushall()
    for (const instance of cluster.instances) await fetch(`${instance.origin}/api/v1/offices`)
    let keys = []
    for (let i = 0; i < 40 && keys.length === 0; i++) {
      await sleep(250)
      keys = await probe.keys(`${redisPrefix}rl:*`)
    }
    console.log(`  after Redis is back: ${keys.length} rate-limit keys counted in it again`)
    if (keys.length === 0) problems.push('no rate-limit counts reached Redis after it came back')
    for (const instance of cluster.instances) {
      const ready = await (await fetch(`${instance.origin}/readyz`)).json()
      if (ready.checks?.redis?.status !== 'up') problems.push(`${instance.name} /readyz says Redis ${ready.checks?.redis?.status}`)
    }
  } finally {
    probe.disconnect()
  }
  return { run, problems, verifyAt: cluster.base }
}

async function scenarioPostgres(cluster, shared) {
  const marks = {}
  const run = await drive(cluster, shared, {
    users: USERS,
    seconds: SECONDS,
    retry: { delayMs: 1_000 },
    events: [
      {
        atMs: 6_000,
        run: async (t0) => {
          marks.stop = performance.now() - t0
          await shared.pg.stop('immediate')
          console.log(`  ${clock(t0)}  private PostgreSQL stopped (-m immediate)`)
          await sleep(OUTAGE_MS)
          marks.start = performance.now() - t0
          await shared.pg.start()
          marks.started = performance.now() - t0
          console.log(`  ${clock(t0)}  private PostgreSQL started again (recovery done)`)
        },
      },
    ],
  })
  const problems = []
  if (run.stats.totalErrors() > 0 || run.failed > 0) problems.push(`${run.stats.totalErrors()} requests failed for good (${run.stats.errorSamples.join('; ')})`)
  const kinds = new Set(run.failures.map((f) => f.what))
  const unexpected = [...kinds].filter((what) => what !== '503 UNAVAILABLE')
  if (unexpected.length > 0) problems.push(`failed tries other than 503 UNAVAILABLE: ${unexpected.join(', ')}`)
  if (run.failures.length === 0) problems.push('no request met the outage (nothing was proven)')
  const last503 = Math.max(...run.failures.map((f) => f.at))
  const first503 = Math.min(...run.failures.map((f) => f.at))
  console.log(
    `  failed tries (retried): ${describeFailures(run.failures) || 'none'}; first at ${(first503 / 1000).toFixed(1)} s, last at ${(last503 / 1000).toFixed(1)} s; PostgreSQL down ${(marks.stop / 1000).toFixed(1)}–${(marks.started / 1000).toFixed(1)} s`,
  )
  // Full recovery: nothing failed later than a retry interval after PostgreSQL accepted connections again.
  if (last503 > marks.started + 2_500) problems.push(`503s went on ${((last503 - marks.started) / 1000).toFixed(1)} s after PostgreSQL was back`)
  const afterwards = run.records.length
  console.log(`  ${afterwards} journeys completed, ${run.failed} failed`)
  return { run, problems, verifyAt: cluster.base }
}

async function scenarioKill(cluster, shared) {
  const victim = cluster.instances[0]
  const survivor = cluster.instances[1]
  const run = await drive(cluster, shared, {
    users: USERS,
    seconds: SECONDS,
    retry: { delayMs: 500 },
    events: [
      {
        atMs: 8_000,
        run: async (t0, inFlight) => {
          // In the middle of uploads and submits: wait (up to 5 s) for a moment with both under way.
          const deadline = Date.now() + 5_000
          while (!((inFlight.submit ?? 0) > 0 && (inFlight.photo ?? 0) > 0) && Date.now() < deadline) await sleep(1)
          const under = `${inFlight.submit ?? 0} submits and ${inFlight.photo ?? 0} photo uploads under way through the balancer`
          cluster.kill(victim, 'SIGKILL')
          console.log(`  ${clock(t0)}  kill -9 ${victim.child.pid} (${victim.name}) with ${under}`)
        },
      },
    ],
  })
  const problems = []
  if (run.stats.totalErrors() > 0 || run.failed > 0) problems.push(`${run.stats.totalErrors()} requests failed for good (${run.stats.errorSamples.join('; ')})`)
  if (victim.child.exitCode === null && victim.child.signalCode === null) problems.push(`${victim.name} is still running`)
  console.log(`  failed tries (retried by the applicants): ${describeFailures(run.failures) || 'none'}`)
  console.log(`  ${run.records.length} journeys completed, ${run.failed} failed`)
  if (run.failures.length === 0) console.log('  (no request of an applicant failed: the balancer resent every one the killed instance had not answered)')
  return { run, problems, verifyAt: survivor.origin }
}

async function main() {
  const { privatePostgresMissing, startPostgres, startRedis } = await tsImport('../tests/server/helpers/private-servers.ts', import.meta.url)
  const missing = privatePostgresMissing()
  if (missing !== undefined) {
    console.log(`SKIPPED, nothing proven: no private PostgreSQL here (${missing}).`)
    return 0
  }
  console.log(`load average at start: ${loadText()}   (${new Date().toISOString()})`)
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-faults-'))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  const pg = await startPostgres()
  cleanups.push(() => pg.dispose())
  const redis = await startRedis()
  cleanups.push(() => redis.dispose())
  const people = await makePeople(20_000, 500_000)
  const registryFile = join(dir, 'registry.json')
  writeFileSync(registryFile, JSON.stringify(people))
  const shared = { pg, redis, people, photos: await makePhotos(), next: 0 }

  const cluster = await startCluster({
    databaseUrl: pg.url,
    redisUrl: redis.url,
    redisPrefix,
    registryFile,
    env: { RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_AUTH_PER_MINUTE: '10000000' },
  })
  cleanups.unshift(() => cluster.close())
  console.log(`private PostgreSQL ${pg.url} (PID ${pg.pid()}), private Redis ${redis.url}; balancer ${cluster.base} → ${cluster.instances.map((i) => `${i.name} PID ${i.child.pid}`).join(', ')}`)

  const scenarios = [
    ['redis', 'Redis down for 8 s under load (no retries allowed)', scenarioRedis],
    ['pg', 'PostgreSQL restarted under load (clients retry)', scenarioPostgres],
    ['kill9', 'kill -9 of one of two instances under load (clients retry)', scenarioKill],
  ].filter(([name]) => ONLY.includes(name))
  let failed = 0
  for (const [name, title, scenario] of scenarios) {
    console.log(`\n== ${name}: ${title}   load average ${loadText()}`)
    const { run, problems, verifyAt } = await scenario(cluster, shared)
    printSummary(run.stats.summary(run.seconds))
    if (verifyAt !== undefined) {
      const checked = await verify(pg.url, verifyAt, run.records)
      problems.push(...checked.problems)
      console.log(`  checked through ${verifyAt}: ${checked.applications} applications, ${checked.photos} accepted photos`)
    }
    console.log(`  load average ${loadText()}`)
    if (problems.length > 0) {
      failed += 1
      console.log(`  FAIL ${name}: ${problems.join('; ')}`)
    } else {
      console.log(`  OK ${name}`)
    }
  }
  console.log(`\n${scenarios.length - failed} of ${scenarios.length} fault proofs passed   load average ${loadText()}   (${new Date().toISOString()})`)
  return failed > 0 ? 1 : 0
}


runBench(main, cleanups)
