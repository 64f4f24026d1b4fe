/**
 * CONSOLE_DIR: the built staff console at /admin/ beside the H5 page at / (one origin, so the
 * staff cookie works). Unknown /admin/… pages get the console's index.html, other unknown pages
 * the H5 page's; hashed assets may be cached for good, index.html may not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../packages/server/src/config'
import { API, wrap } from './helpers/client'
import { startTestApp, type TestApp } from './helpers/test-app'

const html = { accept: 'text/html,application/xhtml+xml' }

describe('CONSOLE_DIR', () => {
  let t: TestApp
  const root = mkdtempSync(join(tmpdir(), 'zhihui-console-site-'))
  const site = join(root, 'h5')
  const consoleSite = join(root, 'console')
  beforeAll(async () => {
    mkdirSync(site, { recursive: true })
    mkdirSync(join(consoleSite, 'assets'), { recursive: true })
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>H5 页面</title>')
    writeFileSync(join(consoleSite, 'index.html'), '<!doctype html><html lang="zh-CN"><title>平台后台管理系统</title>')
    writeFileSync(join(consoleSite, 'assets', 'index-abc123.js'), 'console.log(1)')
    t = await startTestApp({ env: { STATIC_DIR: site, CONSOLE_DIR: consoleSite } })
  })
  afterAll(async () => {
    await t.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves the console at /admin/ and its deep links from its own index.html', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/admin/', headers: html })
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('平台后台管理系统')
    expect(index.headers['cache-control']).toBe('no-cache')
    for (const url of ['/admin/applications/ZZ2026120200001', '/admin/sign-in?next=%2Faudit']) {
      const deep = await t.app.inject({ method: 'GET', url, headers: html })
      expect(deep.statusCode).toBe(200)
      expect(deep.body).toContain('平台后台管理系统')
    }
    const bare = await t.app.inject({ method: 'GET', url: '/admin' })
    expect(bare.statusCode).toBe(302)
    expect(bare.headers.location).toBe('/admin/')
  })

  it('keeps the H5 fallback for every other page, and JSON 404s for the API and missing assets', async () => {
    const h5 = await t.app.inject({ method: 'GET', url: '/pages/progress/index', headers: html })
    expect(h5.body).toContain('H5 页面')
    const api = wrap(await t.app.inject({ method: 'GET', url: `${API}/staff/missing`, headers: html }))
    expect(api.status).toBe(404)
    const asset = await t.app.inject({ method: 'GET', url: '/admin/assets/gone-123.js' })
    expect(asset.statusCode).toBe(404)
  })

  it('lets browsers keep hashed assets for good', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/admin/assets/index-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toContain('javascript')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('reads CONSOLE_DIR: a path, `none`, or the built packages/console/dist when it exists', () => {
    expect(loadConfig({ CONSOLE_DIR: 'none' }, root).consoleDir).toBeUndefined()
    expect(loadConfig({ CONSOLE_DIR: 'console' }, root).consoleDir).toBe(consoleSite)
    const fallback = loadConfig({}, root).consoleDir
    if (fallback !== undefined) expect(fallback).toMatch(/packages[\\/]console[\\/]dist$/)
  })
})
