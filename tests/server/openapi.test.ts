/**
 * Schema-first routes (issue 13): every route the app registers has its schema (a response for
 * its success status, and its params, query string and body where it takes them), the OpenAPI 3
 * document at /api/v1/openapi.json lists them all, the browsable page is served in development
 * only, and a request that fails a schema gets the usual 422 in Chinese naming the field.
 */
import type { RouteOptions } from 'fastify'
import { API, login, wrap } from './helpers/client'
import { startTestApp, type TestApp } from './helpers/test-app'

type Doc = {
  openapi: string
  info: { title: string; version: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; responses: Record<string, unknown>; requestBody?: { content: Record<string, unknown> } }>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, string>> }
}

const DOCUMENT_ROUTES = /^\/api\/v1\/(openapi\.json$|docs($|\/))/
/** The pages served beside the API (the console at /admin/, the H5 site at /): files, not API routes. */
const PAGE_ROUTES = /^\/(admin(\/\*)?|\*)?$/
const TAGS = ['applicant', 'review', 'staff', 'talent', 'public', 'dev', 'health']

/** POST routes that take no body: the path says everything (an event on one application or request). */
const NO_BODY = /\/(withdraw|submit|reset|confirm|done|cancel|signed)$/
/** Routes that read a query string. */
const WITH_QUERY = new Set([
  '/api/v1/review/applications',
  '/api/v1/staff/applications',
  '/api/v1/staff/audit',
  '/api/v1/staff/payment-runs/:id',
  '/api/v1/staff/talent/requests',
  '/api/v1/staff/talent/stats',
])

let t: TestApp
const routes: RouteOptions[] = []
let doc: Doc

beforeAll(async () => {
  t = await startTestApp({ build: { onRoute: (route) => void routes.push(route) } })
  const res = await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })
  expect(res.statusCode).toBe(200)
  doc = res.json() as Doc
})
afterAll(() => t.close())

const methodsOf = (route: RouteOptions): string[] => (Array.isArray(route.method) ? route.method : [route.method]).map(String)
const described = () =>
  routes.filter((route) => !DOCUMENT_ROUTES.test(route.url) && !PAGE_ROUTES.test(route.url) && methodsOf(route).some((m) => m !== 'HEAD'))

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with the title, a relative server and the security schemes of the three kinds of caller', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(doc.info).toMatchObject({ title: '智汇郑州 API', version: expect.any(String) })
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })])
    expect(doc.components.securitySchemes).toMatchObject({
      applicantBearer: { type: 'http', scheme: 'bearer' },
      reviewerBearer: { type: 'http', scheme: 'bearer' },
      staffCookie: { type: 'apiKey', in: 'cookie', name: 'zh_staff' },
      consoleHeader: { type: 'apiKey', in: 'header', name: 'X-Requested-With' },
    })
    expect(doc.components.schemas).toHaveProperty('Error')
    expect(doc.components.schemas).toHaveProperty('ApplicationView')
    // Every operation: a Chinese summary, known tags, responses; every reference resolves.
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/api/')).toBe(false)
      for (const [method, operation] of Object.entries(item)) {
        expect(['get', 'put', 'post', 'delete', 'patch']).toContain(method)
        expect(operation.summary).toMatch(/[\u4e00-\u9fff]/)
        expect(operation.tags?.length).toBeGreaterThan(0)
        for (const tag of operation.tags ?? []) expect(TAGS).toContain(tag)
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0)
      }
    }
    const text = JSON.stringify(doc)
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas).toHaveProperty(name!)
    expect(text).not.toMatch(/"\$ref":"(?!#\/components\/)/)
  })

  it('describes every route the app registers: schema, success response, params, query and body where taken', () => {
    const missing: string[] = []
    for (const route of described()) {
      const schema = (route.schema ?? {}) as Record<string, unknown> & { response?: Record<string, unknown> }
      const name = `${methodsOf(route).join(',')} ${route.url}`
      const response = schema.response ?? {}
      if (!['200', '201', '204'].some((status) => status in response)) missing.push(`${name}: response`)
      if (route.url.includes(':') && schema.params === undefined) missing.push(`${name}: params`)
      if (WITH_QUERY.has(route.url) && schema.querystring === undefined) missing.push(`${name}: querystring`)
      const changes = methodsOf(route).some((m) => ['POST', 'PUT', 'PATCH'].includes(m))
      if (changes && !NO_BODY.test(route.url) && schema.body === undefined && schema.multipartBody === undefined) missing.push(`${name}: body`)
      if (route.url.startsWith('/api/') && typeof schema.summary !== 'string') missing.push(`${name}: summary`)
    }
    expect(missing).toEqual([])
  })

  it('lists every /api/v1 route under its path relative to the server', () => {
    const listed = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)))
    const expected = described()
      .filter((route) => route.url.startsWith(`${API}/`))
      .flatMap((route) =>
        methodsOf(route)
          .filter((m) => m !== 'HEAD')
          .map((m) => `${m} ${route.url.slice(API.length).replace(/:(\w+)/g, '{$1}')}`),
      )
    expect(expected.length).toBeGreaterThan(50)
    expect(expected.filter((operation) => !listed.has(operation))).toEqual([])
    expect(listed.has('POST /sessions')).toBe(true)
    expect(listed.has('GET /healthz')).toBe(true)
  })

  it('documents the photo uploads as multipart/form-data and errors in the shared error shape', () => {
    expect(Object.keys(doc.paths['/application/photos']!.post!.requestBody!.content)).toEqual(['multipart/form-data'])
    expect(Object.keys(doc.paths['/staff/window-applications/{no}/photos']!.post!.requestBody!.content)).toEqual(['multipart/form-data'])
    expect(JSON.stringify(doc.paths['/application/submit']!.post!.responses['409'])).toContain('#/components/schemas/Error')
    expect(JSON.stringify(doc.paths['/application/submit']!.post)).toContain('idempotency-key')
  })
})

describe('the docs page', () => {
  it('is served in development, with a CSP that lets its own scripts and styles load', async () => {
    const page = await t.app.inject({ method: 'GET', url: `${API}/docs/` })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain("default-src 'none'")
    const script = await t.app.inject({ method: 'GET', url: `${API}/docs/static/swagger-initializer.js` })
    expect(script.statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: `${API}/docs` })).statusCode).toBeLessThan(400)
    // The API's own answers keep the strict policy.
    const json = await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })
    expect(json.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it('is 404 in production, where the document is still served', async () => {
    const prod = await startTestApp({
      env: { NODE_ENV: 'production', ID_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), REVIEWER_TOKENS: 'a-long-production-reviewer-token' },
    })
    try {
      for (const url of [`${API}/docs`, `${API}/docs/`, `${API}/docs/static/swagger-initializer.js`, `${API}/docs/json`]) {
        const res = await prod.app.inject({ method: 'GET', url })
        expect(res.statusCode).toBe(404)
      }
      const document = await prod.app.inject({ method: 'GET', url: `${API}/openapi.json` })
      expect(document.statusCode).toBe(200)
      expect(Object.keys((document.json() as Doc).paths).some((path) => path.startsWith('/dev/'))).toBe(false)
    } finally {
      await prod.close()
    }
  })
})

describe('schema validation keeps the error contract', () => {
  it('answers a body of the wrong type with 422 VALIDATION in Chinese naming the field', async () => {
    const session = wrap(await t.app.inject({ method: 'POST', url: `${API}/sessions`, payload: { platform: 7, code: 'x' } }))
    expect(session.status).toBe(422)
    expect(session.body.error).toEqual({ code: 'VALIDATION', field: 'platform', message: expect.stringContaining('「platform」') })
    expect((session.body.error as { message: string }).message).toMatch(/[\u4e00-\u9fff]/)

    const client = await login(() => t.app, 'openapi-types')
    const nested = await client.send('PUT', '/application', { facts: {}, details: { mobile: 13803711234 } })
    expect(nested.status).toBe(422)
    expect(nested.body.error).toEqual({ code: 'VALIDATION', field: 'details.mobile', message: '「details.mobile」应为文本，请检查后重试。' })
  })

  it('still lets core decide the rules a type cannot express, with its own message', async () => {
    const session = wrap(await t.app.inject({ method: 'POST', url: `${API}/sessions`, payload: { platform: 'qq', code: 'x' } }))
    expect(session.status).toBe(422)
    expect(session.body.error).toMatchObject({ code: 'VALIDATION', field: 'platform' })
    expect((session.body.error as { message: string }).message).not.toContain('「platform」')
  })
})
