// The staff queue at scale: 100,000 applications on PostgreSQL, in a schema of their own (created
// here, dropped at the end), bulk-inserted with generate_series. The real server runs as a child
// process (tsx) on that schema; staff sign in over HTTP and keep their cookie, as the console does.
//
// Measures, through HTTP:
//   - GET /api/v1/staff/applications, first page (20 rows and the total), for several filter
//     combinations: p50 and p95 of 200 sequential requests after 20 warm-up ones; limit p95 ≤ 150 ms;
//   - GET /api/v1/staff/notices/:id/list.xlsx of a batch of 5,000 applications (the 公示名单):
//     limit ≤ 5 s each of 3 exports, the file read back with ExcelJS to count its rows.
// Exits 1 when a limit is broken. Without a reachable PostgreSQL (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test) it says so and exits 0.
// BENCH_STAFF_ROWS changes the 100,000; BENCH_KEEP_SCHEMA=1 keeps the schema to look at plans.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBench } from './lib/run-bench.mjs'

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../packages/server/package.json'))
const { Pool } = require('pg')
const ExcelJS = require('exceljs')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const URL_ = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const ROWS = Number(process.env.BENCH_STAFF_ROWS ?? 100_000)
const NOTICE_ROWS = 5_000
const SAMPLES = 200
const WARMUP = 20
const P95_LIMIT_MS = 150
const EXPORT_LIMIT_MS = 5_000
const CSRF = { 'x-requested-with': 'zhihui-console' }

const schema = `bench_staff_${process.pid}_${randomBytes(3).toString('hex')}`
const cleanups = []

function startServer(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(root, 'packages/server'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 60_000)
    const look = (chunk) => {
      seen += chunk.toString()
      const match = /listening on (http:\/\/[\d.:]+)\/api\/v1/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve({ child, base: match[1] })
      }
    }
    child.stdout.on('data', look)
    child.stderr.on('data', look)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${seen}`))
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

async function signIn(base, username) {
  const response = await fetch(`${base}/api/v1/staff/session`, {
    method: 'POST',
    headers: { ...CSRF, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhihui-dev-2026' }),
  })
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('zh_staff='))
  return cookie.split(';')[0]
}

/**
 * 100,000 submitted-or-later applications over the 200 days before 2026-11-30, each with its
 * person: 15 districts, four education levels, one in ten filed at a window, names from 20
 * surnames and 20 given names; the first NOTICE_ROWS are on notice in one batch.
 */
async function seed(pool, batchId) {
  const started = Date.now()
  await pool.query(`
    insert into people (id, id_hash, id_cipher, name, card_cipher, id_masked, card_masked, card_issued, financial_account_active, pension_months, verified_at)
    select 'p-' || i, 'h-' || i, 'x', '', 'x',
      '4101**********' || lpad((i % 10000)::text, 4, '0'), 'T*****' || lpad((i % 1000)::text, 3, '0'), 1, 1, 12, '2026-01-01T00:00:00.000Z'
    from generate_series(0, ${ROWS - 1}) as i`)
  await pool.query(`
    with base as (
      select i,
        (array['中原区','二七区','管城回族区','金水区','惠济区','上街区','郑东新区','高新区','经开区','航空港区','中牟县','新郑市','新密市','荥阳市','登封市'])[1 + abs(hashtext('d' || i)) % 15] as district,
        (array['bachelor','bachelor','bachelor','master','master','doctorate','preparatory-technician'])[1 + abs(hashtext('e' || i)) % 7] as education,
        (array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + abs(hashtext('n' || i)) % 20]
          || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','平'])[1 + abs(hashtext('g' || i)) % 20] as name,
        timestamp '2026-11-30 00:00:00' - ((abs(hashtext('t' || i)) % 200) || ' days')::interval + ((abs(hashtext('s' || i)) % 86400) || ' seconds')::interval as at,
        abs(hashtext('w' || i)) % 10 = 0 as at_window,
        case when i < ${NOTICE_ROWS} then 'public-notice'
             else (array['submitted','submitted','submitted','under-review','rejected','public-notice','paying','paid','withdrawn','submitted'])[1 + abs(hashtext('x' || i)) % 10] end as status
      from generate_series(0, ${ROWS - 1}) as i
    )
    insert into applications (id, person_id, application_no, status, version, raw_json, form_errors_json, facts_json, details_json,
      eligibility_json, rejection_json, notice_batch_id, created_at, updated_at, submitted_at, channel, district, education,
      applicant_name, filed_by, window_district)
    select 'a-' || i, 'p-' || i, 'ZZ' || to_char(at, 'YYYYMMDD') || lpad(i::text, 5, '0'), status, 3, '{}', null,
      json_build_object('education', education, 'graduationDate', '2024-06-30', 'overseasReturnee', false,
        'hukou', json_build_object('inZhengzhou', true, 'district', district, 'settledOn', '2024-08-15'),
        'employment', case i % 3 when 0 then json_build_object('kind', 'employed', 'employer', '郑州宇通客车股份有限公司')
                                 when 1 then json_build_object('kind', 'self-employed') else json_build_object('kind', 'unemployed') end)::text,
      '{}',
      json_build_object('eligible', true, 'channel', 'online', 'unmet', json_build_array(), 'policy', '2024',
        'subsidy', json_build_object('monthlyYuan', case education when 'doctorate' then 1500 when 'master' then 1000 else 500 end, 'months', 36))::text,
      null, case when i < ${NOTICE_ROWS} then $1 else null end,
      to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'), to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'), to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
      case when at_window then 'window' else 'online' end, district, education, name,
      case when at_window then 'staff:clerk-' || i % 15 else null end,
      case when at_window then (array['金水区','二七区','中原区'])[1 + i % 3] else null end
    from base`, [batchId])
  await pool.query(`update people set name = a.applicant_name from applications a where a.person_id = people.id`)
  await pool.query(
    `insert into notice_batches (id, start_date, end_date, holidays_known, created_by, created_at) values ($1, '2026-11-30', '2026-12-08', 1, 'staff:payments', '2026-11-30T01:00:00.000Z')`,
    [batchId],
  )
  await pool.query('vacuum analyze applications')
  await pool.query('vacuum analyze people')
  await pool.query('vacuum analyze notice_batches')
  const { rows } = await pool.query(`select application_no from applications where id = 'a-${Math.floor(ROWS / 2)}'`)
  return { ms: Date.now() - started, someNumber: rows[0].application_no }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function measure(base, cookie, query) {
  const url = `${base}/api/v1/staff/applications${query ? `?${query}` : ''}`
  const once = async () => {
    const t0 = performance.now()
    const response = await fetch(url, { headers: { cookie } })
    const body = await response.json()
    const ms = performance.now() - t0
    if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`)
    return { ms, body }
  }
  for (let i = 0; i < WARMUP; i++) await once()
  const times = []
  let last
  for (let i = 0; i < SAMPLES; i++) {
    const { ms, body } = await once()
    times.push(ms)
    last = body
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), total: last.total, rows: last.items.length }
}

async function main() {
  const probe = new Pool({ connectionString: URL_, max: 1, connectionTimeoutMillis: 3_000 })
  try {
    await probe.query('select 1')
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${URL_} (${error.message}): staff-queue bench skipped.`)
    await probe.end()
    return 0
  }
  await probe.end()

  const dataDir = mkdtempSync(join(tmpdir(), 'zhihui-bench-staff-'))
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }))
  const registryFile = join(dataDir, 'registry.json')
  writeFileSync(registryFile, '[]')
  const server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    REGISTRY_FILE: registryFile,
    DATABASE_URL: URL_,
    DATABASE_SCHEMA: schema,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'development',
    RATE_LIMIT_PER_MINUTE: '10000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '10000000',
  })
  cleanups.unshift(() => stop(server.child))
  cleanups.push(async () => {
    if (process.env.BENCH_KEEP_SCHEMA === '1') return console.log(`kept schema ${schema} (BENCH_KEEP_SCHEMA=1): drop it when done`)
    const pool = new Pool({ connectionString: URL_, max: 1 })
    await pool.query(`drop schema if exists "${schema}" cascade`)
    // pg-boss keeps the outbound-message jobs in a schema of its own beside it.
    await pool.query(`drop schema if exists "${schema}_jobs" cascade`)
    await pool.end()
  })

  const pool = new Pool({ connectionString: URL_, max: 2, options: `-c search_path=${schema}` })
  const batchId = '00000000-0000-4000-8000-00000000b001'
  let seeded
  try {
    seeded = await seed(pool, batchId)
  } finally {
    await pool.end()
  }
  console.log(`seeded ${ROWS.toLocaleString('en')} applications (+ people) in schema ${schema} in ${(seeded.ms / 1000).toFixed(1)} s`)

  const { base } = server
  // Latencies depend on what else the machine runs: say how busy it was.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ')
  console.log(`machine: ${cpus().length} CPUs, load average ${load()} (1 / 5 / 15 min) before measuring`)
  const [reviewer, clerk, payments] = [await signIn(base, 'reviewer'), await signIn(base, 'clerk-jinshui'), await signIn(base, 'payments')]
  const enc = encodeURIComponent
  const cases = [
    ['reviewer', reviewer, ''],
    ['reviewer', reviewer, 'status=submitted'],
    ['reviewer', reviewer, 'status=submitted,under-review'],
    ['reviewer', reviewer, `status=submitted&district=${enc('金水区')}`],
    ['reviewer', reviewer, `district=${enc('二七区')}&education=master`],
    ['reviewer', reviewer, 'channel=window&status=rejected'],
    ['reviewer', reviewer, 'from=2026-11-01&to=2026-11-07'],
    ['reviewer', reviewer, `q=${enc('李')}`],
    ['reviewer', reviewer, `q=${enc('王秀英')}&status=submitted`],
    ['reviewer', reviewer, `q=${seeded.someNumber}`],
    ['reviewer', reviewer, 'status=paid&page=50'],
    ['clerk-jinshui', clerk, ''],
    ['clerk-jinshui', clerk, 'status=submitted'],
  ]
  let failed = false
  console.log(`\nGET /api/v1/staff/applications, first page of 20 (${SAMPLES} requests each, after ${WARMUP}; limit p95 ≤ ${P95_LIMIT_MS} ms)`)
  for (const [who, cookie, query] of cases) {
    const r = await measure(base, cookie, query)
    const ok = r.p95 <= P95_LIMIT_MS
    if (!ok) failed = true
    const label = `${who.padEnd(13)} ${decodeURIComponent(query) || '(no filter)'}`
    console.log(`  ${label.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  total ${String(r.total).padStart(6)}  ${ok ? 'ok' : 'OVER LIMIT'}`)
  }

  console.log(`\nGET /api/v1/staff/notices/:id/list.xlsx, ${NOTICE_ROWS.toLocaleString('en')} rows (limit ≤ ${EXPORT_LIMIT_MS / 1000} s)`)
  for (let run = 1; run <= 3; run++) {
    const t0 = performance.now()
    const response = await fetch(`${base}/api/v1/staff/notices/${batchId}/list.xlsx`, { headers: { cookie: payments } })
    const file = Buffer.from(await response.arrayBuffer())
    const ms = performance.now() - t0
    if (!response.ok) throw new Error(`export: ${response.status} ${file.toString()}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file)
    const dataRows = workbook.worksheets[0].rowCount - 2
    const ok = ms <= EXPORT_LIMIT_MS && dataRows === NOTICE_ROWS
    if (!ok) failed = true
    console.log(`  export ${run}: ${(ms / 1000).toFixed(2)} s, ${(file.length / 1024).toFixed(0)} KB, ${dataRows} data rows  ${ok ? 'ok' : 'FAILED'}`)
  }
  console.log(`load average after measuring: ${load()}`)
  return failed ? 1 : 0
}


runBench(main, cleanups)
