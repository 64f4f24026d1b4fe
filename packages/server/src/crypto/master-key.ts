/**
 * Where the master key for ID and card numbers comes from. Production must be given one
 * (ID_ENCRYPTION_KEY): a key generated on the server's disk would sit next to the data it
 * protects and be lost with the machine. Development generates one into DATA_DIR once and reuses
 * it, so a restart can still read what it stored.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../config'

export const DEV_KEY_FILE = 'id-encryption.key'

export function parseMasterKey(value: string): Buffer {
  const trimmed = value.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (key.length !== 32) {
    throw new ConfigError(
      'ID_ENCRYPTION_KEY 必须是 32 字节的密钥，写成 64 位十六进制或 base64（可用 `openssl rand -base64 32` 生成）。',
    )
  }
  return key
}

export function loadMasterKey(options: { configured?: string; production: boolean; dataDir: string }): Buffer {
  if (options.configured !== undefined) return parseMasterKey(options.configured)
  if (options.production) {
    throw new ConfigError(
      '生产环境必须设置 ID_ENCRYPTION_KEY（32 字节，64 位十六进制或 base64，可用 `openssl rand -base64 32` 生成）：身份证号和社保卡号加密存储需要它，服务未启动。',
    )
  }
  const file = join(options.dataDir, DEV_KEY_FILE)
  if (existsSync(file)) return parseMasterKey(readFileSync(file, 'utf8'))
  mkdirSync(options.dataDir, { recursive: true })
  const key = randomBytes(32)
  // 'wx' so two processes starting together never overwrite each other's key.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseMasterKey(readFileSync(file, 'utf8'))
    throw error
  }
  return key
}
