// Monthly payment run at city scale: 250,000 `paying` applications on PostgreSQL, in a schema of
// their own, run for one month by the server's own service (services/payments), with the
// registry answering from a bundled-file-style registry (REGISTRY_FILE, a JSON array of 250,000
// entries, some with a lapse that month). Prints the run's wall time and the run process's peak
// RSS; exits 1 above 120 s or 500 MB.
//
// The programme the run meets (the month is 2027-01, the server's today 2027-01-05):
// - 190,000 applications paid month by month since their first month (2026-01 … 2026-12): their
//   earlier months are in the ledger (1.2 million lines, one past run a month), so January is due;
// - 50,000 fixed in December and never run (first months 2026-07 … 2026-12): the first run pays
//   their arrears, up to 7 months each;
// - 10,000 graduates not yet employed (6 months from 2026-08) whose last month is January: the
//   run moves them to `paid`;
// - 2 % of everyone lapses in January (pension, account or card), so their line is suspended.
// The run writes about 425,000 lines and queues a text for every applicant (one outbox row each,
// in the run's transaction); that is part of the time. Seeding (bulk inserts through unnest arrays and INSERT …
// SELECT over generate_series) runs in a child process of its own and is not measured; so does
// the run, so its peak RSS is the run's alone (the 250,000-entry registry held in memory included).
//
// The run's process is started with --max-old-space-size=320 (BENCH_HEAP_MB; 0 for none): see HEAP_MB.
// BENCH_DEEP=1 gives the steady ones ledgers of up to 35 months (3.5 million past lines), as three
// years into the programme: the run reads every paying application's ledger, so it costs more.
//
// BENCH_STEADY / BENCH_FRESH / BENCH_FINISHING change the counts; BENCH_NODE_ARGS adds node flags to
// the run's process (e.g. --cpu-prof); BENCH_KEEP=1 keeps the schema for a look with
// EXPLAIN. BENCH_PAGE sets the run's page size; BENCH_REGISTRY=entries|computed swaps the registry
// (see HEAP_MB). The peak's V8 heap (used, reserved) and memory outside it are printed.
//
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
// When it cannot be reached the bench says so and is skipped (exit 0). The schema is dropped after.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const require = createRequire(import.meta.url)
const pg = require('pg')

const URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const STEADY = Number(process.env.BENCH_STEADY ?? 190_000)
const FRESH = Number(process.env.BENCH_FRESH ?? 50_000)
const FINISHING = Number(process.env.BENCH_FINISHING ?? 10_000)
const TOTAL = STEADY + FRESH + FINISHING
const DEEP = process.env.BENCH_DEEP === '1'
const MONTH = '2027-01'
const TODAY = '2027-01-05'
const LIMIT_SECONDS = 120
const LIMIT_MB = 500
// The run's process gets a V8 heap cap, as a server holding a 250,000-entry file registry should.
// Where the memory goes without it (--trace-gc, 2026-12, PostgreSQL 15, Node 20, 2 busy CPUs):
// - the run itself is bounded: with a registry that holds nothing (BENCH_REGISTRY=computed) its
//   live heap stays at 35-38 MB from the first page to the last, and the peak RSS is ~315 MB;
// - the file registry is ~40 MB of live heap (250,000 parsed entries and their map), and V8 lets
//   the heap grow to about four times the live heap before a full collection: ~80 MB live, full
//   collections at ~330 MB, a peak RSS of ~500 MB (BENCH_REGISTRY=entries);
// - loading the file with one JSON.parse of the whole text (REGISTRY_FILE, as the server does)
//   has a 75 MB string live at the load's full collection, which sets the first limit at ~430 MB:
//   a peak RSS of ~590 MB. Page size (BENCH_PAGE=200) changes none of this.
// BENCH_HEAP_MB=0 runs without the cap.
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 320)
const CHUNK = 10_000

const server = (path) => tsImport(`../packages/server/src/${path}`, import.meta.url)

function env(schema, dir) {
  return {
    DATABASE_URL: URL,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dir,
    REGISTRY_FILE: join(dir, 'registry.json'),
    ID_ENCRYPTION_KEY: process.env.BENCH_KEY,
    LOG_LEVEL: 'silent',
  }
}

const pad = (n, width) => String(n).padStart(width, '0')
const addMonths = (month, k) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`
}

/** Person n: its kind decides its first month and months; every 50th lapses in January. */
function person(n) {
  const kind = n < STEADY ? 'steady' : n < STEADY + FRESH ? 'fresh' : 'finishing'
  // BENCH_DEEP=1: the steady ones started over the last 35 months (ledgers of 1 to 35 lines, as
  // in a programme three years in) instead of the last 12.
  const steadyFirst = DEEP ? addMonths('2024-02', n % 35) : addMonths('2026-01', n % 12)
  const firstMonth = kind === 'steady' ? steadyFirst : kind === 'fresh' ? addMonths('2026-07', n % 6) : '2026-08'
  const lapse = n % 50 === 7 ? [{ pensionPaid: false }, { financialAccountActive: false }, { cardActive: false }][n % 3] : undefined
  return {
    n,
    kind,
    firstMonth,
    months: kind === 'finishing' ? 6 : 36,
    monthlyYuan: [500, 1000, 1500][n % 3],
    idNumber: `4101${pad(n, 13)}X`,
    cardNumber: `B${pad(n, 8)}`,
    name: '测试发放',
    lapse,
  }
}

async function seed(schema, dir) {
  const { loadConfig } = await server('config.ts')
  const { openDatabase } = await server('db/create-db.ts')
  const { createFieldCipher } = await server('crypto/field-cipher.ts')
  const { parseMasterKey } = await server('crypto/master-key.ts')
  const config = loadConfig(env(schema, dir), dir)
  const { db } = await openDatabase(config) // creates the schema and runs every migration
  await db.destroy()
  const cipher = createFieldCipher(parseMasterKey(process.env.BENCH_KEY))
  const pool = new pg.Pool({ connectionString: URL, max: 4, options: `-c search_path=${schema}` })
  const at = '2026-12-20T02:00:00.000Z'

  await pool.query(`insert into payment_sources values ('bench-entitlement', $1), ('bench-line', $2)`, [
    '《关于实施“智汇郑州”人才工程加快推进国家中心城市建设的意见》（郑发〔2017〕23号）及配套细则（2017版，据公开转载）：自申请人符合全部条件的当月起发放',
    '按月发放至社会保障卡金融账户，最长36个月',
  ])
  const registry = []
  for (let start = 0; start < TOTAL; start += CHUNK) {
    const people = []
    for (let n = start; n < Math.min(TOTAL, start + CHUNK); n++) people.push(person(n))
    const cols = (f) => people.map(f)
    await pool.query(
      `insert into people (id, id_hash, id_cipher, name, card_cipher, id_masked, card_masked, card_issued, financial_account_active, pension_months, verified_at)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[], $11::text[])`,
      [
        cols((p) => `p${pad(p.n, 7)}`),
        cols((p) => cipher.hash(p.idNumber)),
        cols((p) => cipher.encrypt(p.idNumber)),
        cols((p) => p.name),
        cols((p) => cipher.encrypt(p.cardNumber)),
        cols(() => '4101**********123X'),
        cols(() => 'B******00'),
        cols(() => 1),
        cols(() => 1),
        cols(() => 24),
        cols(() => at),
      ],
    )
    await pool.query(
      `insert into applications (id, person_id, application_no, status, version, raw_json, facts_json, details_json, eligibility_json, created_at, updated_at, submitted_at)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      [
        cols((p) => `a${pad(p.n, 7)}`),
        cols((p) => `p${pad(p.n, 7)}`),
        cols((p) => `ZZ${pad(p.n, 13)}`),
        cols(() => 'paying'),
        cols(() => 5),
        cols(() => '{}'),
        cols(() => null),
        cols((p) => JSON.stringify({ mobile: `138${pad(p.n, 8)}` })),
        cols(() => null),
        cols(() => at),
        cols(() => at),
        cols(() => at),
      ],
    )
    await pool.query(
      `insert into entitlements (application_id, monthly_yuan, months, first_month, policy, lapse_rule, source_id, fixed_at)
       select * from unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        cols((p) => `a${pad(p.n, 7)}`),
        cols((p) => p.monthlyYuan),
        cols((p) => p.months),
        cols((p) => p.firstMonth),
        cols(() => '2017'),
        cols(() => 'skip'),
        cols(() => 'bench-entitlement'),
        // The fresh ones were fixed in December and never run: the marker the ledger seed reads.
        cols((p) => (p.kind === 'fresh' ? '2026-12-20T02:00:00.000Z' : '2026-01-01T02:00:00.000Z')),
      ],
    )
    for (const p of people) {
      registry.push({
        name: p.name,
        idNumber: p.idNumber,
        cardNumber: p.cardNumber,
        cardIssued: true,
        financialAccountActive: true,
        pensionMonths: 24,
        ...(p.lapse ? { lapses: { [MONTH]: p.lapse } } : {}),
      })
    }
  }
  // One past run a month, and every month of the steady and finishing ones through December.
  for (let k = 0; k < 35; k++) {
    const month = addMonths('2024-02', k)
    await pool.query(`insert into payment_runs values ($1, $2, 'bench', $3, 0, 0, 0)`, [`run-${month}`, month, at])
  }
  await pool.query(
    `insert into payment_lines (id, run_id, application_id, month, amount_yuan, status, reason, source_id, origin, created_at)
     select gen_random_uuid()::text, 'run-' || m.month, e.application_id, m.month, e.monthly_yuan, 'paid', null,
            'bench-line', 'run', $1
     from entitlements e
     cross join lateral (select to_char(d, 'YYYY-MM') as month
                         from generate_series(to_date(e.first_month, 'YYYY-MM'), date '2026-12-01', interval '1 month') d) m
     where e.fixed_at < '2026-06'`,
    [at],
  )
  await pool.query('analyze')
  const lines = (await pool.query('select count(*)::int as n from payment_lines')).rows[0].n
  await pool.end()
  writeFileSync(join(dir, 'registry.json'), JSON.stringify(registry))
  console.log(`seeded ${TOTAL} paying applications, ${lines} past lines, registry file of ${registry.length} entries`)
}

/** The elements of a JSON array of objects, each parsed alone from its bytes. */
function parseEntries(bytes) {
  const entries = []
  let depth = 0
  let inString = false
  let escaped = false
  let start = -1
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]
    if (inString) {
      if (escaped) escaped = false
      else if (c === 0x5c) escaped = true
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      depth += 1
      if (depth === 2) start = i
    } else if (c === 0x7d || c === 0x5d) {
      if (depth === 2) entries.push(JSON.parse(bytes.toString('utf8', start, i + 1)))
      depth -= 1
    }
  }
  return entries
}

async function run(schema, dir) {
  const { loadConfig } = await server('config.ts')
  const { createContext } = await server('context.ts')
  const { createClock } = await server('clock.ts')
  const started = process.hrtime.bigint()
  // BENCH_REGISTRY=entries: the registry file parsed entry by entry from its bytes (no string of
  // the whole file), to compare with the server's own loading (REGISTRY_FILE).
  const options = { clock: createClock({ today: TODAY }), warn: () => undefined }
  // BENCH_REGISTRY=computed: a registry that holds nothing and answers each month from the ID
  // number by the seed's own rule (same answers), to tell the run's own memory from the registry's.
  if (process.env.BENCH_REGISTRY === 'computed') {
    const states = [{ pensionPaid: false }, { financialAccountActive: false }, { cardActive: false }]
    options.registry = {
      verify: async () => null,
      mismatchOf: async () => ['idNumber'],
      monthlyStates: async (queries) =>
        queries.map(({ idNumber, month }) => {
          const n = Number(idNumber.slice(4, 17))
          const base = { cardActive: true, financialAccountActive: true, pensionPaid: true }
          return n % 50 === 7 && month === MONTH ? { ...base, ...states[n % 3] } : base
        }),
    }
  }
  if (process.env.BENCH_REGISTRY === 'entries') {
    const { createMemoryRegistry } = await server('registry/memory-registry.ts')
    options.registry = createMemoryRegistry(parseEntries(readFileSync(join(dir, 'registry.json'))))
  }
  const ctx = await createContext(loadConfig(env(schema, dir), dir), options)
  const ready = process.hrtime.bigint()
  const rssReadyMb = process.memoryUsage().rss / 2 ** 20
  // RSS sampled while the run runs (resourceUsage's maxRSS covers the whole process, export included).
  let runPeakMb = rssReadyMb
  // What the process held at its peak: V8's heap (used and reserved) and memory outside it
  // (Buffers, the database driver's sockets), to tell where the RSS goes.
  let atPeak = process.memoryUsage()
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    if (usage.rss / 2 ** 20 > runPeakMb) {
      runPeakMb = usage.rss / 2 ** 20
      atPeak = usage
    }
  }, 50)
  const cpuBefore = process.cpuUsage()
  // BENCH_PAGE: applications a page, to compare with the service's own default (RUN_PAGE).
  const pageSize = process.env.BENCH_PAGE ? Number(process.env.BENCH_PAGE) : undefined
  const { run: summary } = await ctx.services.payments.run(MONTH, 'bench', pageSize ? { pageSize } : {})
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  runPeakMb = Math.max(runPeakMb, process.memoryUsage().rss / 2 ** 20)
  const ran = process.hrtime.bigint()
  let bankRows = 0
  let bankYuan = 0
  for await (const row of ctx.services.payments.bankRows(summary.id)) {
    bankRows += 1
    bankYuan += row.amountYuan
  }
  const exported = process.hrtime.bigint()
  const paidOff = (await ctx.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'paid').executeTakeFirst()).n
  // The run queues its texts as outbound messages (the outbox is what the development provider
  // has delivered so far, which races with this count).
  const texts = (await ctx.db.selectFrom('outbound_messages').select((eb) => eb.fn.countAll().as('n')).where('channel', '=', 'sms').executeTakeFirst()).n
  await ctx.close()
  const seconds = (a, b) => Number(b - a) / 1e9
  console.log(
    JSON.stringify({
      startSeconds: seconds(started, ready),
      runSeconds: seconds(ready, ran),
      bankRowsSeconds: seconds(ran, exported),
      run: summary,
      bankRows,
      bankYuan,
      paidOff: Number(paidOff),
      texts: Number(texts),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      rssReadyMb,
      runPeakMb,
      runCpuSeconds: (cpu.user + cpu.system) / 1e6,
      atPeakMb: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
    }),
  )
}

async function main() {
  const role = process.argv[2]
  if (role === 'seed') return seed(process.argv[3], process.argv[4])
  if (role === 'run') return run(process.argv[3], process.argv[4])

  const probe = new pg.Client({ connectionString: URL })
  try {
    await probe.connect()
    await probe.end()
  } catch (error) {
    console.log(`payment run: PostgreSQL at ${URL} not reachable (${error.message}); skipped`)
    return 0
  }
  const schema = `bench_pay_${process.pid}_${randomBytes(3).toString('hex')}`
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-bench-pay-'))
  // BENCH_KEY (64 hex digits) lets a kept schema (BENCH_KEEP=1) be run again by hand: `node
  // bench/payment-run.bench.mjs run <schema> <dir>` after deleting the run's rows.
  const childEnv = { ...process.env, BENCH_KEY: process.env.BENCH_KEY ?? randomBytes(32).toString('hex') }
  const self = fileURLToPath(import.meta.url)
  try {
    const seeded = spawnSync(process.execPath, [self, 'seed', schema, dir], { env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] })
    if (seeded.status !== 0) throw new Error(`seeding failed (${seeded.status})`)
    const heap = HEAP_MB > 0 ? [`--max-old-space-size=${HEAP_MB}`] : []
    const ran = spawnSync(process.execPath, [...heap, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), self, 'run', schema, dir], { env: childEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 })
    if (ran.status !== 0) throw new Error(`run failed (${ran.status}): ${ran.stdout}`)
    const result = JSON.parse(ran.stdout.trim().split('\n').pop())
    const { run: summary } = result
    console.log(`payment run ${summary.month} over ${TOTAL} paying applications (PostgreSQL, registry from a ${TOTAL}-entry file, ${HEAP_MB > 0 ? `node --max-old-space-size=${HEAP_MB}` : 'no heap cap'})`)
    console.log(`  lines: ${summary.paid} paid, ${summary.suspended} suspended, ${summary.totalYuan} yuan; ${result.paidOff} moved to paid; ${result.texts} texts`)
    console.log(`  run (decide, write, text, commit):  ${result.runSeconds.toFixed(1).padStart(6)} s   (target ≤ ${LIMIT_SECONDS} s); the run process's own CPU: ${result.runCpuSeconds.toFixed(1)} s`)
    console.log(`  peak RSS during the run:            ${result.runPeakMb.toFixed(0).padStart(6)} MB  (target ≤ ${LIMIT_MB} MB); whole process, bank file read included: ${result.maxRssMb.toFixed(0)} MB`)
    const p = result.atPeakMb
    console.log(`  at the peak: V8 heap ${p.heapUsed} MB used of ${p.heapTotal} MB reserved; outside the heap ${p.external} MB (Buffers ${p.arrayBuffers} MB)`)
    console.log(`  start (load the registry file, migrations checked): ${result.startSeconds.toFixed(1)} s, RSS then ${result.rssReadyMb.toFixed(0)} MB`)
    console.log(`  bank file rows (${result.bankRows}, ${result.bankYuan} yuan, card numbers decrypted) read after the run: ${result.bankRowsSeconds.toFixed(1)} s`)
    if (result.bankRows !== summary.paid || result.bankYuan !== summary.totalYuan) throw new Error('the bank file does not match the run')
    console.log(`  machine load average when done: ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} CPUs`)
    return result.runSeconds <= LIMIT_SECONDS && result.runPeakMb <= LIMIT_MB ? 0 : 1
  } finally {
    // BENCH_KEEP=1 leaves the schema and the files for a look with EXPLAIN.
    if (process.env.BENCH_KEEP) {
      console.log(`kept: schema ${schema}, files ${dir}`)
    } else {
      const pool = new pg.Pool({ connectionString: URL, max: 1 })
      await pool.query(`drop schema if exists "${schema}" cascade`)
      await pool.end()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
