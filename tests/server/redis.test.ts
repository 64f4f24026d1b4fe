/**
 * REDIS_URL: rate limits counted by every instance together, and the event bus between instances,
 * against a private redis-server on a free loopback port that the tests stop and start again (the
 * machine's shared Redis is never touched).
 */
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import Redis from 'ioredis'
import { buildApp } from '../../packages/server/src/app'
import { createEventBus, type EventBus } from '../../packages/server/src/bus'
import { createClock } from '../../packages/server/src/clock'
import { startRedis, type PrivateRedis } from './helpers/services'
import { startTestApp, TODAY, type TestApp } from './helpers/test-app'

// The root config runs this suite as a second project, where the per-project testTimeout does not apply.
jest.setTimeout(30_000)

let redis: PrivateRedis
let t: TestApp
let b: FastifyInstance
let probe: Redis
const prefix = `test${process.pid}:`
const logs = { a: [] as Record<string, unknown>[], b: [] as Record<string, unknown>[] }

function capture(into: Record<string, unknown>[]) {
  const stream = new PassThrough()
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') into.push(JSON.parse(line) as Record<string, unknown>)
  })
  return { stream }
}

const said = (lines: Record<string, unknown>[], text: string) => lines.filter((line) => String(line.msg).includes(text)).length

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

beforeAll(async () => {
  redis = await startRedis()
  probe = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(50 * n, 500) })
  probe.on('error', () => undefined)
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '10', RATE_LIMIT_SYNC_MS: '10', LOG_LEVEL: 'info' }
  t = await startTestApp({ env, build: { logger: capture(logs.a) } })
  b = await buildApp(t.config, { logger: capture(logs.b), clock: createClock({ today: TODAY }) })
})
afterAll(async () => {
  await b?.close()
  await t?.close()
  probe?.disconnect()
  await redis?.dispose()
})

const hit = async (app: FastifyInstance, ip: string) => (await app.inject({ method: 'GET', url: '/api/v1/offices', remoteAddress: ip })).statusCode
const counted = async (ip: string) => Number((await probe.get(`${prefix}rl:all:${ip}`)) ?? 0)
/** Redis holds `n` for the address, and the instance that sent the last count has had its answer. */
async function synced(what: string, ip: string, n: number): Promise<void> {
  await until(what, async () => (await counted(ip)) === n)
  // The answer is on its way to the instance: generous, for a loaded machine.
  await new Promise((resolve) => setTimeout(resolve, 150))
}

describe('rate limits shared through Redis', () => {
  it('counts the requests of one address on every instance together, each instance learning the others’ counts at its next sync', async () => {
    const ip = '10.0.0.1'
    for (let i = 0; i < 6; i++) expect(await hit(t.app, ip)).toBe(200)
    await synced('instance A to send its 6', ip, 6)
    // B has not synced yet: it knows only its own request.
    expect(await hit(b, ip)).toBe(200)
    await synced('instance B to send its 1 and read the total back', ip, 7)
    expect([await hit(b, ip), await hit(b, ip), await hit(b, ip)]).toEqual([200, 200, 200])
    expect(await hit(b, ip)).toBe(429)
    // A knew of 6 + its own: the 11th request overall passes there until A's next sync…
    expect(await hit(t.app, ip)).toBe(200)
    await synced('instance A to sync', ip, 12)
    // …after which A refuses too.
    expect(await hit(t.app, ip)).toBe(429)
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/offices', remoteAddress: ip })
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60)
  })

  it('keeps a route’s own stricter limit apart from the shared one', async () => {
    const keys = await probe.keys(`${prefix}rl:*`)
    expect(keys).toContain(`${prefix}rl:all:10.0.0.1`)
    expect(keys.every((key) => key.startsWith(`${prefix}rl:all:`) || key.includes('/sessions') || key.includes('/card-binding'))).toBe(true)
    expect(await probe.pttl(`${prefix}rl:all:10.0.0.1`)).toBeGreaterThan(50_000)
  })

  it('when Redis stops, each instance counts alone, says so once, requests keep working; when it is back, says so once', async () => {
    // Counted from here: on a loaded machine an earlier sync may have timed out and recovered.
    const from = { a: logs.a.length, b: logs.b.length }
    const since = (app: 'a' | 'b', text: string) => said(logs[app].slice(from[app]), text)
    await redis.stop()
    const ip = '10.0.0.2'
    // Per instance now: each lets its own 10 through.
    for (const app of [t.app, b]) {
      for (let i = 0; i < 10; i++) expect(await hit(app, ip)).toBe(200)
      expect(await hit(app, ip)).toBe(429)
    }
    // Several syncs fail (one every 10 ms while counts wait), one warning each.
    await until('the warnings', () => since('a', 'Redis unreachable') >= 1 && since('b', 'Redis unreachable') >= 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await hit(t.app, '10.0.0.3')).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect([since('a', 'Redis unreachable'), since('b', 'Redis unreachable')]).toEqual([1, 1])
    const warning = logs.a.slice(from.a).find((line) => String(line.msg).includes('Redis unreachable'))
    expect(warning).toMatchObject({ level: 40 })

    // Readiness names Redis as down, and stays 200: the instance still does its work.
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toMatchObject({ ok: true, down: ['redis'], checks: { redis: { status: 'down' }, database: { status: 'up' } } })

    await redis.start()
    await until(
      'instance A to send again',
      async () => {
        await hit(t.app, '10.0.0.4')
        return since('a', 'Redis is back') === 1
      },
      15_000,
    )
    expect(since('a', 'Redis unreachable')).toBe(1)
    await until('the counts made while Redis was away to reach it', async () => (await counted('10.0.0.4')) > 0)
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ ok: true, down: [] })
  }, 40_000)
})

describe('the event bus', () => {
  const buses: EventBus[] = []
  const bus = () => {
    const created = createEventBus({ redis: { url: redis.url, prefix: `${prefix}bus:` } }, { info: () => undefined, warn: () => undefined })
    buses.push(created)
    return created
  }
  afterAll(async () => {
    await Promise.all(buses.map((each) => each.close()))
  })

  it('delivers a message published on one instance to the subscribers of every instance, once each', async () => {
    const [one, two] = [bus(), bus()]
    const got: [string, unknown][] = []
    await one.subscribe('talent-requests', (message) => got.push(['one', message]))
    await two.subscribe('talent-requests', (message) => got.push(['two', message]))
    await two.subscribe('other', (message) => got.push(['other', message]))
    await one.publish('talent-requests', { id: 'r1', at: new Date('2026-11-30T01:00:00Z') })
    await until('both deliveries', () => got.length >= 2)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(got.sort()).toEqual([
      ['one', { id: 'r1', at: '2026-11-30T01:00:00.000Z' }],
      ['two', { id: 'r1', at: '2026-11-30T01:00:00.000Z' }],
    ])
  })

  it('stops delivering to an ended subscription, and refuses a bad channel name', async () => {
    const [one, two] = [bus(), bus()]
    const got: unknown[] = []
    const off = await two.subscribe('ends', (message) => got.push(message))
    await one.publish('ends', 1)
    await until('the first message', () => got.length === 1)
    await off()
    await one.publish('ends', 2)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(got).toEqual([1])
    await expect(one.publish('Bad Channel', 1)).rejects.toThrow(/invalid bus channel/)
  })

  it('while Redis is down, delivers to this instance only and reports a gap to the others once it is back', async () => {
    const warnings: string[] = []
    const one = createEventBus({ redis: { url: redis.url, prefix: `${prefix}bus:` } }, { info: () => undefined, warn: (m) => warnings.push(m) })
    buses.push(one)
    const two = bus()
    const got: [string, unknown][] = []
    await one.subscribe('pushes', (message) => got.push(['one', message]))
    await two.subscribe('pushes', (message) => got.push(['two', message]))
    let gaps = 0
    two.onGap(() => gaps++)

    await redis.stop()
    await one.publish('pushes', 'while down')
    await one.publish('pushes', 'still down')
    await until('local delivery', () => got.length === 2)
    expect(got).toEqual([
      ['one', 'while down'],
      ['one', 'still down'],
    ])
    expect(warnings.filter((w) => w.includes('Redis unreachable'))).toHaveLength(1)

    await redis.start()
    await until('the gap report', () => gaps === 1, 10_000)
    await until('publishing through Redis again', async () => {
      got.length = 0
      await one.publish('pushes', 'back')
      await new Promise((resolve) => setTimeout(resolve, 50))
      return got.length === 2
    })
    expect(got.sort()).toEqual([
      ['one', 'back'],
      ['two', 'back'],
    ])
  }, 30_000)

  it('in-process without REDIS_URL: asynchronous, a copy per subscriber, a throwing handler contained', async () => {
    const warnings: string[] = []
    const local = createEventBus({}, { info: () => undefined, warn: (m) => warnings.push(m) })
    expect(local.kind).toBe('local')
    const got: unknown[] = []
    await local.subscribe('x', () => {
      throw new Error('boom')
    })
    await local.subscribe('x', (message) => {
      ;(message as { n: number }).n++
      got.push(message)
    })
    await local.subscribe('x', (message) => got.push(message))
    const sent = { n: 1 }
    await local.publish('x', sent)
    expect(got).toEqual([])
    await until('delivery', () => got.length === 2)
    expect(got).toEqual([{ n: 2 }, { n: 1 }])
    expect(sent).toEqual({ n: 1 })
    expect(warnings).toEqual(['event bus: a handler of "x" failed: boom'])
    await local.close()
  })
})

it('moves the development clock of every instance (through the bus), not only of the one asked', async () => {
  const moved = await t.app.inject({ method: 'POST', url: '/api/v1/dev/clock', payload: { today: '2027-01-05' } })
  expect(moved.json()).toEqual({ today: '2027-01-05' })
  await until('the other instance’s clock', async () => (await b.inject({ method: 'GET', url: '/api/v1/dev/clock' })).json().today === '2027-01-05')
})
