/** Configuration from the environment, the field cipher and where its key comes from. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock } from '../../packages/server/src/clock'
import { ConfigError, DEV_REVIEWER_TOKEN, loadConfig } from '../../packages/server/src/config'
import { createFieldCipher } from '../../packages/server/src/crypto/field-cipher'
import { DEV_KEY_FILE, loadMasterKey, parseMasterKey } from '../../packages/server/src/crypto/master-key'

describe('loadConfig', () => {
  it('reads a relative DATA_DIR from where npm was invoked (INIT_CWD), so root scripts share ./data', () => {
    expect(loadConfig({ INIT_CWD: '/repo' }).dataDir).toBe('/repo/data')
    expect(loadConfig({ INIT_CWD: '/repo', DATA_DIR: 'var/zz' }).dataDir).toBe('/repo/var/zz')
    expect(loadConfig({ INIT_CWD: '/repo', DATA_DIR: '/abs' }).dataDir).toBe('/abs')
  })

  it('has the defaults design.md fixes', () => {
    const config = loadConfig({}, '/srv/app')
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/app/data',
      production: false,
      reviewerTokens: [DEV_REVIEWER_TOKEN],
      corsOrigins: [],
    })
    expect(config.databaseUrl).toBeUndefined()
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/zhihui',
      DATABASE_URL: 'postgres://u@db/zhihui',
      NODE_ENV: 'production',
      REVIEWER_TOKENS: 'token-number-one-xyz, token-number-two-xyz',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      WECHAT_APPID: 'wx1',
      ALIPAY_PRIVATE_KEY: 'line1\\nline2',
    })
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/zhihui',
      databaseUrl: 'postgres://u@db/zhihui',
      production: true,
      reviewerTokens: ['token-number-one-xyz', 'token-number-two-xyz'],
      corsOrigins: ['https://a.example', 'https://b.example'],
      wechat: { appId: 'wx1', apiBase: 'https://api.weixin.qq.com' },
      alipay: { privateKey: 'line1\nline2', gateway: 'https://openapi.alipay.com/gateway.do' },
    })
  })

  it('gives production no reviewer token unless configured', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).reviewerTokens).toEqual([])
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /postgres/],
    [{ DATABASE_SCHEMA: 'Bad-Name' }, /DATABASE_SCHEMA/],
    [{ NODE_ENV: 'production', REVIEWER_TOKENS: 'short' }, /16/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})

describe('field cipher', () => {
  const cipher = createFieldCipher(Buffer.alloc(32, 1))

  it('round-trips, with a fresh IV every time, and hashes deterministically', () => {
    const a = cipher.encrypt('410105200001010011')
    const b = cipher.encrypt('410105200001010011')
    expect(a).not.toBe(b)
    expect(cipher.decrypt(a)).toBe('410105200001010011')
    expect(cipher.hash('410105200001010011')).toBe(cipher.hash('410105200001010011'))
    expect(cipher.hash('410105200001010011')).not.toBe(cipher.hash('410105200001010012'))
  })

  it('refuses a tampered value and a value from another key', () => {
    const stored = cipher.encrypt('A41010001')
    const raw = Buffer.from(stored.slice(3), 'base64')
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1)
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow()
    expect(() => createFieldCipher(Buffer.alloc(32, 2)).decrypt(stored)).toThrow()
    expect(createFieldCipher(Buffer.alloc(32, 2)).hash('x')).not.toBe(cipher.hash('x'))
  })
})

describe('master key', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhihui-key-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('accepts 32 bytes as hex or base64 and nothing else', () => {
    expect(parseMasterKey('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab))
    expect(parseMasterKey(Buffer.alloc(32, 3).toString('base64'))).toEqual(Buffer.alloc(32, 3))
    expect(() => parseMasterKey('too-short')).toThrow(ConfigError)
  })

  it('generates a development key into DATA_DIR once and reuses it', () => {
    const first = loadMasterKey({ production: false, dataDir: dir })
    expect(existsSync(join(dir, DEV_KEY_FILE))).toBe(true)
    expect(loadMasterKey({ production: false, dataDir: dir })).toEqual(first)
    expect(readFileSync(join(dir, DEV_KEY_FILE), 'utf8').trim()).toBe(first.toString('base64'))
  })

  it('never generates one in production', () => {
    expect(() => loadMasterKey({ production: true, dataDir: dir })).toThrow(/ID_ENCRYPTION_KEY/)
    expect(existsSync(join(dir, DEV_KEY_FILE))).toBe(false)
  })
})

describe('clock', () => {
  it('answers the date in Asia/Shanghai and moves to a set day with the time running on', () => {
    const clock = createClock({ today: '2027-02-28' })
    expect(clock.today()).toBe('2027-02-28')
    clock.setToday('2027-03-01')
    expect(clock.today()).toBe('2027-03-01')
    expect(() => clock.setToday('2027-02-30')).toThrow()
    const real = createClock()
    const shanghai = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    expect(real.today()).toBe(shanghai)
  })
})
