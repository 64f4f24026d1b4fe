/**
 * Liveness and readiness, under /api/v1 and at the root (where load balancers look first).
 *
 * GET /healthz: the process is up and serving: always 200 while it answers, with the database's
 * reachability for people reading it: {ok: true, db: 'up' | 'down', database}. A liveness check
 * must not fail because a shared dependency did: an orchestrator would restart every instance at
 * once and fix nothing.
 *
 * GET /readyz: whether this instance can do its work now, dependency by dependency:
 * {ok, down: [...names], checks: {database, photoStore, redis?: {status: 'up' | 'down', kind?, ms,
 * error?}}}. 503 when the database or the photo store is down. Redis is reported too, but its loss
 * does not make the instance unready: rate limits fall back to per-instance counts and requests
 * keep working (design.md), whereas taking every instance out of the balancer at once would stop
 * them all. While the server shuts down, Fastify answers every new request, this one included, 503.
 * Each check gives up after 2 s, so a hanging dependency cannot hang the probe.
 */
import type { FastifyInstance } from 'fastify'
import { databaseReachable } from '../db/create-db'
import { PUBLIC_ACCESS } from '../schemas/common'

const CHECK_TIMEOUT_MS = 2_000

interface Check {
  status: 'up' | 'down'
  kind?: string
  ms: number
  /** The failure's code or name only: the probe is public, addresses and messages stay in the log. */
  error?: string
}

async function probe(run: () => Promise<unknown>, kind?: string): Promise<Check> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), CHECK_TIMEOUT_MS)
  })
  try {
    await Promise.race([run(), timeout])
    return { status: 'up', ...(kind !== undefined ? { kind } : {}), ms: Math.round(performance.now() - started) }
  } catch (error) {
    const e = error as { code?: unknown; name?: unknown }
    const reason = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error'
    return { status: 'down', ...(kind !== undefined ? { kind } : {}), ms: Math.round(performance.now() - started), error: reason }
  } finally {
    clearTimeout(timer)
  }
}

const checkSchema = {
  type: 'object',
  required: ['status', 'ms'],
  properties: {
    status: { type: 'string', description: 'up | down' },
    kind: { type: 'string', description: '如 sqlite、postgres、local、s3' },
    ms: { type: 'integer', description: '检查用时（毫秒）' },
    error: { type: 'string', description: '失败的错误码或名称' },
  },
} as const

const readiness = {
  type: 'object',
  required: ['ok', 'down', 'checks'],
  properties: {
    ok: { type: 'boolean' },
    down: { type: 'array', items: { type: 'string' }, description: '不可用的依赖' },
    checks: {
      type: 'object',
      required: ['database', 'photoStore'],
      properties: { database: checkSchema, photoStore: checkSchema, redis: checkSchema },
    },
  },
} as const

const healthzSchema = {
  tags: ['health'],
  summary: '存活检查（进程在运行即 200），附数据库是否可达',
  security: PUBLIC_ACCESS,
  response: {
    200: {
      type: 'object',
      required: ['ok', 'db', 'database'],
      properties: {
        ok: { type: 'boolean' },
        db: { type: 'string', description: 'up | down' },
        database: { type: 'string', description: 'sqlite | postgres' },
      },
    },
  },
}

const readyzSchema = {
  tags: ['health'],
  summary: '就绪检查：数据库与照片存储均可用为 200，否则 503（Redis 仅报告）',
  security: PUBLIC_ACCESS,
  response: { 200: { ...readiness, description: '就绪' }, 503: { ...readiness, description: '数据库或照片存储不可用' } },
}

export default async function healthRoute(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: healthzSchema, config: { rateLimitPerMinute: false } }, async (_request, reply) => {
    // Bounded like the readiness checks: a database that hangs must not make liveness time out.
    const database = await probe(async () => {
      if (!(await databaseReachable(app.ctx.db))) throw new Error('unreachable')
    })
    void reply.header('cache-control', 'no-store')
    return { ok: true, db: database.status, database: app.ctx.dbKind }
  })

  app.get('/readyz', { schema: readyzSchema, config: { rateLimitPerMinute: false } }, async (_request, reply) => {
    const { db, dbKind, storage, redis } = app.ctx
    const [database, photoStore, redisCheck] = await Promise.all([
      probe(async () => {
        if (!(await databaseReachable(db))) throw Object.assign(new Error('unreachable'), { code: 'UNREACHABLE' })
      }, dbKind),
      probe(() => storage.check(), storage.kind),
      redis === undefined
        ? undefined
        : probe(async () => {
            if (redis.status === 'wait') await redis.connect()
            await redis.ping()
          }),
    ])
    const checks = { database, photoStore, ...(redisCheck !== undefined ? { redis: redisCheck } : {}) }
    const down = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name)
    const ok = database.status === 'up' && photoStore.status === 'up'
    void reply.status(ok ? 200 : 503).header('cache-control', 'no-store')
    return { ok, down, checks }
  })
}
