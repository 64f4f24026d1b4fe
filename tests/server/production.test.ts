/** NODE_ENV=production: development identities and /dev/* are gone, and unsafe configurations refuse to start. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../packages/server/src/app'
import { ConfigError, loadConfig } from '../../packages/server/src/config'
import { API, wrap } from './helpers/client'
import { startTestApp, type TestApp } from './helpers/test-app'

const KEY = Buffer.alloc(32, 7).toString('base64')

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ env: { NODE_ENV: 'production', ID_ENCRYPTION_KEY: KEY, REVIEWER_TOKENS: 'a-long-production-reviewer-token' } })
})
afterAll(() => t.close())

const inject = async (method: 'GET' | 'POST', url: string, payload?: object, token?: string) =>
  wrap(await t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} }))

it('answers 404 for /dev/clock and /dev/outbox', async () => {
  expect((await inject('POST', `${API}/dev/clock`, { today: '2030-01-01' })).status).toBe(404)
  expect((await inject('GET', `${API}/dev/clock`)).status).toBe(404)
  expect((await inject('GET', `${API}/dev/outbox`)).status).toBe(404)
})

it('answers 404 for h5 development sessions, and 503 for WeChat and Alipay without their keys', async () => {
  const h5 = await inject('POST', `${API}/sessions`, { platform: 'h5', code: 'alice' })
  expect(h5.status).toBe(404)
  expect(h5.body.error).toMatchObject({ code: 'NOT_FOUND' })
  expect((await inject('POST', `${API}/sessions`, { platform: 'weapp', code: 'x' })).status).toBe(503)
  expect((await inject('POST', `${API}/sessions`, { platform: 'alipay', code: 'x' })).status).toBe(503)
})

it('takes only the configured reviewer tokens, not the development one', async () => {
  expect((await inject('GET', `${API}/review/applications`, undefined, 'dev-reviewer-token')).status).toBe(401)
  expect((await inject('GET', `${API}/review/applications`, undefined, 'a-long-production-reviewer-token')).status).toBe(200)
})

describe('refusing to start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-prod-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('without ID_ENCRYPTION_KEY, with a clear message', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, REGISTRY_FILE: t.config.registryFile! })
    await expect(buildApp(config, { logger: false })).rejects.toThrow(/ID_ENCRYPTION_KEY/)
  })

  it('with a key of the wrong length', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, ID_ENCRYPTION_KEY: 'c2hvcnQ=', REGISTRY_FILE: t.config.registryFile! })
    await expect(buildApp(config, { logger: false })).rejects.toThrow(ConfigError)
  })

  it('without a registry (the demo people are for development only)', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, ID_ENCRYPTION_KEY: KEY })
    await expect(buildApp(config, { logger: false })).rejects.toThrow(/REGISTRY_URL|REGISTRY_FILE/)
  })
})
