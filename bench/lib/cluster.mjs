// Two (or more) API instances on PostgreSQL + Redis with photos in an s3rver, behind the balancer of
// scripts/lib/balancer.mjs: the set-up of `npm run start:cluster`, started by a benchmark for
// itself. The instances are started with scripts/lib/product.mjs's startServer (the same command
// start-cluster uses); the balancer and the s3rver run in processes of their own
// (bench/lib/balancer-process.mjs, s3rver-process.mjs), so the load generator's event loop is not
// theirs. Everything started here is stopped by close(), by PID; an exit of this process kills
// what is left.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer, waitForHealth } from '../../scripts/lib/product.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const alive = (child) => child.exitCode === null && child.signalCode === null
const started = new Set()
process.on('exit', () => {
  for (const child of started) if (alive(child)) child.kill('SIGKILL')
})

function forkChild(file, args) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, file), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    started.add(child)
    child.once('message', (message) => resolve({ child, ...message }))
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)))
  })
}

function stopChild(child, signal = 'SIGTERM', graceMs = 10_000) {
  return new Promise((resolve) => {
    if (!alive(child)) return resolve()
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill(signal)
  })
}

/**
 * Options: databaseUrl (and databaseSchema), redisUrl, redisPrefix, registryFile, instances (2),
 * env (more variables for the instances). Each instance's stdout (its warnings and errors as
 * pino JSON lines, LOG_LEVEL=warn) is kept in `lines`.
 */
export async function startCluster(options) {
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-bench-cluster-'))
  const mine = []
  try {
    return await start(options, dir, mine)
  } catch (error) {
    // Whatever did start is stopped, and the folder removed, before the failure is passed on.
    await Promise.all(mine.map((child) => stopChild(child, 'SIGKILL', 2_000)))
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

async function start(options, dir, mine) {
  mkdirSync(join(dir, 's3'))
  const bucket = 'zhihui-photos'
  const s3 = await forkChild('s3rver-process.mjs', [join(dir, 's3'), bucket])
  mine.push(s3.child)
  const s3Env = {
    PHOTO_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${s3.port}`,
    S3_BUCKET: bucket,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  }
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: join(dir, 'data'),
    // One key for every instance, given rather than generated (two instances would race to write it).
    ID_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: options.databaseUrl,
    ...(options.databaseSchema ? { DATABASE_SCHEMA: options.databaseSchema } : {}),
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    REGISTRY_FILE: options.registryFile,
    CONSOLE_DIR: 'none',
    LOG_LEVEL: 'warn',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...s3Env,
    ...options.env,
    HOST: '127.0.0.1',
    PORT: '0',
  }
  delete env.STATIC_DIR
  const instances = []
  const count = options.instances ?? 2
  for (let n = 1; n <= count; n++) {
    const instance = { name: `api-${n}`, lines: [], origin: undefined, child: undefined }
    let partial = ''
    const { child, address } = startServer(env, (chunk) => {
      partial += chunk
      const complete = partial.split('\n')
      partial = complete.pop()
      for (const line of complete) if (line.startsWith('{')) instance.lines.push(line)
    })
    started.add(child)
    mine.push(child)
    instance.child = child
    instance.address = address
    instances.push(instance)
  }
  for (const instance of instances) {
    const exited = new Promise((_, reject) => instance.child.once('exit', (code, signal) => reject(new Error(`${instance.name} exited (${signal ?? code}) before it listened`))))
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`${instance.name} did not start in 90 s`)), 90_000).unref())
    instance.origin = await Promise.race([instance.address, exited, late])
    if (!(await waitForHealth(`${instance.origin}/readyz`, () => false, 60_000))) throw new Error(`${instance.origin}/readyz not ready in 60 s`)
  }
  const balancer = await forkChild('balancer-process.mjs', instances.map((i) => `${i.name}=${i.origin}`))
  mine.push(balancer.child)
  const base = `http://127.0.0.1:${balancer.port}`
  // The balancer checks readiness at once and every second: wait until it sends requests on.
  if (!(await waitForHealth(`${base}/readyz`, () => false, 30_000))) throw new Error('the balancer did not become ready')

  return {
    base,
    instances,
    s3: { endpoint: s3Env.S3_ENDPOINT, bucket },
    /** kill -<signal> of one instance's PID (its process only). */
    kill(instance, signal = 'SIGKILL') {
      process.kill(instance.child.pid, signal)
    },
    async close() {
      await stopChild(balancer.child)
      await Promise.all(instances.map((i) => stopChild(i.child)))
      await stopChild(s3.child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
