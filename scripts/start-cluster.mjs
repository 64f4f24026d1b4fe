// `npm run start:cluster`: the product as it runs on several machines, on this one: two API
// instances on PostgreSQL and Redis with the photos in an S3-compatible store, behind a small
// round-robin balancer (scripts/lib/balancer.mjs) that serves the H5 page and the staff console
// (/admin/) like `npm start` does. Ctrl-C stops everything it started.
//
//   npm run start:cluster                  build H5 + console, then http://127.0.0.1:8787
//   npm run start:cluster -- --no-build    reuse the built pages
//
// Environment (defaults for this machine):
//   PORT            the balancer's port (8787); the instances take free ports of their own
//   DATABASE_URL    postgres://postgres@127.0.0.1:5432/test, in DATABASE_SCHEMA (zhihui_cluster)
//   REDIS_URL       redis://127.0.0.1:6379 (keys and channels under zhihui:<schema>:)
//   S3_ENDPOINT     unset: a local s3rver is started, its files in DATA_DIR/s3 (bucket
//                   zhihui-photos); set: that store (with S3_BUCKET, S3_ACCESS_KEY_ID, …), the
//                   bucket created if it does not exist
//   INSTANCES       2
//   DATA_DIR        ./data (the development encryption key, shared by the instances; s3rver's files)
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect, createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { createBalancer } from './lib/balancer.mjs'
import { buildPages, pagesEnv, readyText, root, startServer, STOP_GRACE_MS, waitForHealth } from './lib/product.mjs'

const requireServer = createRequire(join(root, 'packages', 'server', 'package.json'))
const requireRoot = createRequire(join(root, 'package.json'))
const args = process.argv.slice(2)
const cwd = process.env.INIT_CWD ?? process.cwd()
const dataDir = resolve(cwd, process.env.DATA_DIR ?? 'data')
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const schema = process.env.DATABASE_SCHEMA ?? 'zhihui_cluster'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const instances = Number(process.env.INSTANCES ?? 2)
const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '127.0.0.1'

const started = { servers: [], s3: undefined, balancer: undefined }
let stopping = false

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address()
      probe.close(() => resolvePort(free))
    })
  })
}

/** PostgreSQL answers (the instances would fail their migrations otherwise). */
async function checkPostgres() {
  const { Client } = requireServer('pg')
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new Error(`PostgreSQL 无法连接（${databaseUrl}）：${error.message}。请先启动 PostgreSQL 或设置 DATABASE_URL。`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Redis answers PING; when it does not, the instances still start (limits per instance) and say so. */
function redisAnswers() {
  const url = new URL(redisUrl)
  return new Promise((resolveCheck) => {
    const socket = connect(Number(url.port || 6379), url.hostname)
    const done = (ok) => {
      socket.destroy()
      resolveCheck(ok)
    }
    socket.setTimeout(2_000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => done(chunk.toString().startsWith('+PONG') || chunk.toString().startsWith('-NOAUTH')))
  })
}

/** The photo store's environment: a local s3rver unless S3_ENDPOINT names one (whose bucket is then made if missing). */
async function photoStoreEnv() {
  if (process.env.S3_ENDPOINT !== undefined) {
    const env = { PHOTO_STORE: 's3', S3_BUCKET: process.env.S3_BUCKET ?? 'zhihui-photos' }
    const { S3Client, HeadBucketCommand, CreateBucketCommand } = requireServer('@aws-sdk/client-s3')
    const accessKeyId = process.env.S3_ACCESS_KEY_ID
    const client = new S3Client({
      endpoint: process.env.S3_ENDPOINT,
      region: process.env.S3_REGION ?? 'us-east-1',
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE !== 'false',
      ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '' } } : {}),
    })
    try {
      await client.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET }))
    } catch {
      await client.send(new CreateBucketCommand({ Bucket: env.S3_BUCKET }))
      console.log(`已在 ${process.env.S3_ENDPOINT} 创建存储桶 ${env.S3_BUCKET}`)
    } finally {
      client.destroy()
    }
    return env
  }
  const S3rver = requireRoot('s3rver')
  const directory = join(dataDir, 's3')
  mkdirSync(directory, { recursive: true })
  const s3port = await freePort()
  const s3 = new S3rver({ address: '127.0.0.1', port: s3port, directory, silent: true, configureBuckets: [{ name: 'zhihui-photos' }] })
  await s3.run()
  started.s3 = s3
  return {
    PHOTO_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${s3port}`,
    S3_BUCKET: 'zhihui-photos',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  }
}

async function stopAll(code = 0) {
  if (stopping) {
    // Asked twice: do not wait any longer.
    for (const { child } of started.servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    process.exit(code || 1)
  }
  stopping = true
  console.log('\n正在停止（均衡器、API 实例、s3rver）…')
  await started.balancer?.close().catch(() => undefined)
  await Promise.all(
    started.servers.map(
      ({ child, name }) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done()
          const force = setTimeout(() => {
            console.error(`${name} ${STOP_GRACE_MS / 1000} 秒内没有停止，强制结束。`)
            child.kill('SIGKILL')
          }, STOP_GRACE_MS)
          child.once('exit', () => {
            clearTimeout(force)
            done()
          })
          child.kill('SIGTERM')
        }),
    ),
  )
  await started.s3?.close().catch(() => undefined)
  process.exit(code)
}
process.on('SIGINT', () => void stopAll())
process.on('SIGTERM', () => void stopAll())
process.on('SIGHUP', () => void stopAll())
// However this script ends (short of SIGKILL), the instances it started end with it.
process.on('exit', () => {
  for (const { child } of started.servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

async function main() {
  const withConsole = buildPages(args, 'npm run start:cluster')
  await checkPostgres()
  const redisUp = await redisAnswers()
  if (!redisUp) console.warn(`Redis 无法连接（${redisUrl}）：各实例将按本实例计数限流，直到 Redis 可用。`)
  const storeEnv = await photoStoreEnv()

  const env = {
    ...process.env,
    ...pagesEnv(withConsole),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: process.env.REDIS_PREFIX ?? `zhihui:${schema}:`,
    ...storeEnv,
    HOST: '127.0.0.1',
    PORT: '0',
    // One warning about the AWS SDK's future Node requirement is enough (in this script's own output).
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  // All instances start together (they race for the schema, the migrations and the development
  // accounts, as replicas do); the first one's banner is printed, the others' are the same.
  for (let n = 1; n <= instances; n++) {
    const name = `api-${n}`
    const { child, address } = startServer(env, n === 1 ? (chunk) => process.stdout.write(chunk) : () => undefined)
    started.servers.push({ name, child, address })
    child.on('exit', (code, signal) => {
      if (stopping) return
      console.error(`${name}（PID ${child.pid}）退出了（${signal ?? `退出码 ${code}`}）；均衡器把请求转给其余实例。`)
      if (started.servers.every((s) => s.child.exitCode !== null || s.child.signalCode !== null)) {
        console.error('所有 API 实例都已退出。')
        void stopAll(1)
      }
    })
  }
  const origins = await Promise.all(
    started.servers.map(({ address }) => Promise.race([address, new Promise((r) => setTimeout(() => r(undefined), 60_000).unref())])),
  )
  if (origins.some((origin) => origin === undefined)) throw new Error('API 实例在 60 秒内没有启动。')
  for (const origin of origins) {
    if (!(await waitForHealth(`${origin}/readyz`, () => stopping))) throw new Error(`${origin}/readyz 在 60 秒内没有就绪。`)
  }

  const balancer = createBalancer()
  started.balancer = balancer
  started.servers.forEach(({ name }, i) => balancer.add(name, origins[i]))
  const where = await balancer.listen(port, host)
  const base = `http://${host}:${where.port}`
  const review = `DATABASE_URL=${databaseUrl} DATABASE_SCHEMA=${schema} npm run review --`
  console.log(readyText(base, { review, withConsole }))
  console.log(
    [
      '',
      `集群：均衡器 ${base} → ${started.servers.map(({ name, child }, i) => `${name} ${origins[i]}（PID ${child.pid}）`).join('，')}`,
      `  PostgreSQL ${databaseUrl}，schema ${schema}；Redis ${redisUrl}${redisUp ? '' : '（未连接）'}；照片 S3 ${env.S3_ENDPOINT ?? 'AWS'} / ${env.S3_BUCKET}${started.s3 ? `（本地 s3rver，文件在 ${join(dataDir, 's3')}）` : ''}`,
      `  各实例的就绪检查：${origins.map((o) => `${o}/readyz`).join('  ')}`,
      `  （上面服务器横幅里的地址是 api-1 自己的；请通过均衡器 ${base} 访问。）`,
      `  试试停掉一个实例：kill ${started.servers[0].child.pid}（均衡器把请求转给另一个）`,
    ].join('\n'),
  )
}

main().catch((error) => {
  console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`)
  void stopAll(1)
})
