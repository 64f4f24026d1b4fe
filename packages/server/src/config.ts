/**
 * The server's configuration, read from the environment once (design.md, "Server configuration").
 * Everything else receives a ServerConfig, so tests build apps from plain objects and never
 * touch process.env.
 */
import { isAbsolute, resolve } from 'node:path'

export interface ServerConfig {
  port: number
  host: string
  /** Absolute: the SQLite file, photos and development keys live here. */
  dataDir: string
  /** A postgres:// URL switches to PostgreSQL; unset means SQLite in dataDir. */
  databaseUrl?: string
  /** PostgreSQL only: the schema to use (created when missing); lets tests run side by side. */
  databaseSchema?: string
  production: boolean
  reviewerTokens: string[]
  registryFile?: string
  registryUrl?: string
  idEncryptionKey?: string
  corsOrigins: string[]
  staticDir?: string
  logLevel: string
  wechat: { appId?: string; secret?: string; apiBase: string }
  alipay: { appId?: string; privateKey?: string; publicKey?: string; gateway: string }
  rateLimit: { perMinute: number; authPerMinute: number }
}

export const DEV_REVIEWER_TOKEN = 'dev-reviewer-token'

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const text = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

const list = (env: Env, name: string): string[] =>
  (text(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} 应为 ${min} 到 ${max} 之间的整数，现在是“${raw}”。`)
  }
  return value
}

/** Private keys often arrive in one env line with literal "\n" escapes. */
const multiline = (value: string | undefined): string | undefined => value?.replace(/\\n/g, '\n')

/**
 * A relative DATA_DIR is read from where the command was typed: npm runs workspace scripts inside
 * packages/server but records the caller's directory in INIT_CWD, so `npm start`, `npm run start
 * -w @zhihui/server` and `npm run review` from the repository root all use the same ./data.
 */
export function loadConfig(env: Env = process.env, cwd: string = env.INIT_CWD ?? process.cwd()): ServerConfig {
  const production = env.NODE_ENV === 'production'
  const dataDir = text(env, 'DATA_DIR') ?? './data'
  const databaseUrl = text(env, 'DATABASE_URL')
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL 只支持 postgres:// 地址；不设置时使用 DATA_DIR 中的 SQLite 文件。')
  }
  const schema = text(env, 'DATABASE_SCHEMA')
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError('DATABASE_SCHEMA 只能包含小写字母、数字和下划线，且不能以数字开头。')
  }
  const reviewerTokens = list(env, 'REVIEWER_TOKENS')
  for (const token of reviewerTokens) {
    if (token.length < 16 && production) {
      throw new ConfigError('REVIEWER_TOKENS 中的每个令牌至少 16 个字符。')
    }
  }
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: text(env, 'HOST') ?? '127.0.0.1',
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    databaseUrl,
    databaseSchema: schema,
    production,
    reviewerTokens: reviewerTokens.length > 0 || production ? reviewerTokens : [DEV_REVIEWER_TOKEN],
    registryFile: text(env, 'REGISTRY_FILE'),
    registryUrl: text(env, 'REGISTRY_URL'),
    idEncryptionKey: text(env, 'ID_ENCRYPTION_KEY'),
    corsOrigins: list(env, 'CORS_ORIGINS'),
    staticDir: text(env, 'STATIC_DIR'),
    logLevel: text(env, 'LOG_LEVEL') ?? 'info',
    wechat: {
      appId: text(env, 'WECHAT_APPID'),
      secret: text(env, 'WECHAT_SECRET'),
      apiBase: text(env, 'WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
    },
    alipay: {
      appId: text(env, 'ALIPAY_APPID'),
      privateKey: multiline(text(env, 'ALIPAY_PRIVATE_KEY')),
      publicKey: multiline(text(env, 'ALIPAY_PUBLIC_KEY')),
      gateway: text(env, 'ALIPAY_GATEWAY') ?? 'https://openapi.alipay.com/gateway.do',
    },
    rateLimit: {
      perMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
      authPerMinute: integer(env, 'RATE_LIMIT_AUTH_PER_MINUTE', 60, 1, 10_000_000),
    },
  }
}
