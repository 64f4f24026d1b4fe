/** STATIC_DIR serving the H5 build beside the API, and the HTTP registry adapter (REGISTRY_URL). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API, login, wrap } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

describe('STATIC_DIR', () => {
  let t: TestApp
  const site = mkdtempSync(join(tmpdir(), 'zhihui-site-'))
  beforeAll(async () => {
    mkdirSync(join(site, 'js'), { recursive: true })
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>智汇郑州</title>')
    writeFileSync(join(site, 'js', 'app.js'), 'console.log(1)')
    t = await startTestApp({ env: { STATIC_DIR: site } })
  })
  afterAll(async () => {
    await t.close()
    rmSync(site, { recursive: true, force: true })
  })

  it('serves the page, its assets and the SPA fallback, while the API keeps JSON 404s', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('智汇郑州')
    expect((await t.app.inject({ method: 'GET', url: '/js/app.js' })).headers['content-type']).toContain('javascript')
    const deep = await t.app.inject({ method: 'GET', url: '/pages/progress/index', headers: { accept: 'text/html' } })
    expect(deep.statusCode).toBe(200)
    expect(deep.body).toContain('智汇郑州')
    const api = wrap(await t.app.inject({ method: 'GET', url: `${API}/missing`, headers: { accept: 'text/html' } }))
    expect(api.status).toBe(404)
    expect(api.body.error).toMatchObject({ code: 'NOT_FOUND' })
    expect((await t.app.inject({ method: 'GET', url: `${API}/offices` })).statusCode).toBe(200)
  })

  it("gives the pages helmet's full header set and the API beside them its own short one", async () => {
    const pages = [
      await t.app.inject({ method: 'GET', url: '/' }),
      await t.app.inject({ method: 'GET', url: '/js/app.js' }),
      await t.app.inject({ method: 'GET', url: '/pages/progress/index', headers: { accept: 'text/html' } }),
    ]
    for (const page of pages) {
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-security-policy']).toContain("default-src 'self'")
      // The H5 page previews chosen photos from blob: URLs before uploading them.
      expect(page.headers['content-security-policy']).toContain("img-src 'self' data: blob:")
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests')
      expect(page.headers).toMatchObject({
        'x-frame-options': 'SAMEORIGIN',
        'cross-origin-opener-policy': 'same-origin',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
    }
    const api = await t.app.inject({ method: 'GET', url: `${API}/missing`, headers: { accept: 'text/html' } })
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(api.headers['x-frame-options']).toBe('DENY')
    expect(api.headers['cache-control']).toBe('no-store')
    expect(api.headers['strict-transport-security']).toBe(pages[0]!.headers['strict-transport-security'])
  })
})

describe('REGISTRY_URL', () => {
  const person = testPerson(5)
  let registry: Server
  let up = true
  let t: TestApp
  beforeAll(async () => {
    registry = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        if (!up) {
          res.statusCode = 500
          res.end()
          return
        }
        const q = JSON.parse(body) as { name: string; idNumber: string; cardNumber: string }
        const match = q.name === person.name && q.idNumber === person.idNumber && q.cardNumber === person.cardNumber
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify(match ? { match: true, cardIssued: true, financialAccountActive: false, pensionMonths: 7 } : { match: false }))
      })
    })
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve))
    t = await startTestApp({ env: { REGISTRY_URL: `http://127.0.0.1:${(registry.address() as AddressInfo).port}/verify` } })
  })
  afterAll(async () => {
    await t.close()
    await new Promise((resolve) => registry.close(resolve))
  })

  it('binds with the state the remote registry answers, and counts its mismatches', async () => {
    const client = await login(() => t.app, 'remote')
    const ok = await client.bind(person)
    expect(ok.body.binding).toMatchObject({ financialAccountActive: false, pensionMonths: 7 })
    const other = await login(() => t.app, 'remote-2')
    expect((await other.bind({ ...person, cardNumber: 'T55555555' })).body.error).toMatchObject({ code: 'CARD_MISMATCH' })
  })

  it('answers 503 when the registry is down, without counting a mismatch', async () => {
    up = false
    try {
      const client = await login(() => t.app, 'remote-down')
      const res = await client.bind(person)
      expect(res.status).toBe(503)
      expect(res.body.error).toMatchObject({ code: 'REGISTRY_UNAVAILABLE' })
      const failures = await t.app.ctx.db.selectFrom('binding_failures').selectAll().execute()
      expect(failures).toHaveLength(1)
    } finally {
      up = true
    }
  })
})
