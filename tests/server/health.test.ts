/**
 * /healthz (liveness) and /readyz (readiness, dependency by dependency), under /api/v1 and at the
 * root. The dependencies are taken down for real: the photo bucket's s3rver is stopped, and on
 * PostgreSQL the database is reached through a small TCP relay of the test's own that it cuts
 * (the machine's PostgreSQL keeps running).
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import { startS3 } from './helpers/services'
import { pgUrl, startTestApp } from './helpers/test-app'

// The root config runs this suite as a second project, where the per-project testTimeout does not apply.
jest.setTimeout(30_000)

async function get(app: { inject: (o: { method: 'GET'; url: string }) => Promise<{ statusCode: number; json: () => unknown }> }, url: string) {
  const res = await app.inject({ method: 'GET', url })
  return { status: res.statusCode, body: res.json() as Record<string, unknown> }
}

it('answers both probes at the root and under /api/v1, naming each dependency and its kind', async () => {
  const t = await startTestApp()
  try {
    for (const prefix of ['', '/api/v1']) {
      const live = await get(t.app, `${prefix}/healthz`)
      expect(live).toEqual({ status: 200, body: { ok: true, db: 'up', database: pgUrl === undefined ? 'sqlite' : 'postgres' } })
      const ready = await get(t.app, `${prefix}/readyz`)
      expect(ready.status).toBe(200)
      expect(ready.body).toEqual({
        ok: true,
        down: [],
        checks: {
          database: { status: 'up', kind: pgUrl === undefined ? 'sqlite' : 'postgres', ms: expect.any(Number) },
          photoStore: { status: 'up', kind: 'disk', ms: expect.any(Number) },
        },
      })
    }
  } finally {
    await t.close()
  }
})

it('says the photo store is down, with 503, while its S3 server is away', async () => {
  const s3 = await startS3('ready-photos')
  const t = await startTestApp({ env: s3.env })
  try {
    expect((await get(t.app, '/readyz')).status).toBe(200)
    await s3.close()
    const ready = await get(t.app, '/readyz')
    expect(ready.status).toBe(503)
    expect(ready.body).toMatchObject({ ok: false, down: ['photoStore'], checks: { database: { status: 'up' }, photoStore: { status: 'down', kind: 's3', error: expect.any(String) } } })
    // Liveness does not follow a dependency: restarting this instance would not bring S3 back.
    expect((await get(t.app, '/healthz')).status).toBe(200)
  } finally {
    await t.close()
  }
})

/** A TCP relay to PostgreSQL that the test can cut (every connection dropped, no new ones) and restore. */
async function relayTo(target: URL): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  let server: Server
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => undefined)
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port
        resolve()
      })
    })
  const cut = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
  }
  await listen()
  const url = new URL(target.href)
  url.host = `127.0.0.1:${port}`
  return { url: url.href, cut, restore: listen, close: cut }
}

const onPostgres = pgUrl === undefined ? it.skip : it
onPostgres('says the database is down, with 503, while PostgreSQL cannot be reached, and recovers when it can', async () => {
  const relay = await relayTo(new URL(pgUrl!))
  const t = await startTestApp({ env: { DATABASE_URL: relay.url } })
  try {
    expect((await get(t.app, '/readyz')).status).toBe(200)
    await relay.cut()
    const ready = await get(t.app, '/readyz')
    expect(ready.status).toBe(503)
    expect(ready.body).toMatchObject({ ok: false, down: ['database'], checks: { database: { status: 'down', kind: 'postgres' }, photoStore: { status: 'up' } } })
    expect(await get(t.app, '/healthz')).toEqual({ status: 200, body: { ok: true, db: 'down', database: 'postgres' } })
    // A request that needs the database fails cleanly meanwhile: 503, try again later.
    const during = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { platform: 'h5', code: 'down-1' } })
    expect(during.statusCode).toBe(503)
    expect(during.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } })

    await relay.restore()
    const back = await get(t.app, '/readyz')
    expect(back).toMatchObject({ status: 200, body: { ok: true, down: [] } })
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { platform: 'h5', code: 'down-1' } })).statusCode).toBe(200)
  } finally {
    await t.close()
    await relay.close()
  }
})
