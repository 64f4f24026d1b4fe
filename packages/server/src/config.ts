/**
 * The server's configuration, read from the environment once (design.md, "Server configuration").
 * Everything else receives a ServerConfig, so tests build apps from plain objects and never
 * touch process.env.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'

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
  /** TALENT_REGISTRY_FILE: the certified high-level talents (JSON); unset: the demo talents (development only). */
  talentRegistryFile?: string
  idEncryptionKey?: string
  corsOrigins: string[]
  staticDir?: string
  /** The built staff console (packages/console/dist), served at /admin/. */
  consoleDir?: string
  logLevel: string
  wechat: { appId?: string; secret?: string; apiBase: string }
  alipay: { appId?: string; privateKey?: string; publicKey?: string; gateway: string }
  rateLimit: {
    perMinute: number
    authPerMinute: number
    /** With Redis: how often (ms) this instance adds its counts to the shared ones and reads theirs back. */
    syncMs: number
  }
  /** Where photo bytes live (design.md, "Running on more than one machine"). */
  photoStore: PhotoStoreConfig
  /** Rate limits and the event bus across instances; unset keeps both in this process. */
  redis?: { url: string; prefix: string }
  /** On SIGTERM, how long (ms) requests under way may take before the server stops anyway. */
  shutdownGraceMs: number
}

export type PhotoStoreConfig =
  | { kind: 'disk' }
  | { kind: 'postgres' }
  | {
      kind: 's3'
      bucket: string
      /** Unset: AWS itself; set for MinIO, Aliyun OSS, Huawei OBS or a local s3rver. */
      endpoint?: string
      region: string
      /** Both or neither: without them the AWS SDK's default credential chain applies. */
      credentials?: { accessKeyId: string; secretAccessKey: string }
      /** Path-style URLs (endpoint/bucket/key), as MinIO-likes want; OSS wants virtual-hosted (false). */
      forcePathStyle: boolean
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
 * CONSOLE_DIR: the staff console's build, served at /admin/. Unset: packages/console/dist when it
 * has been built (`npm run build:console`), else none; `none` turns it off.
 */
function consoleDir(env: Env, cwd: string): string | undefined {
  const value = text(env, 'CONSOLE_DIR')
  if (value === 'none') return undefined
  if (value !== undefined) return isAbsolute(value) ? value : resolve(cwd, value)
  const built = resolve(__dirname, '..', '..', 'console', 'dist')
  return existsSync(join(built, 'index.html')) ? built : undefined
}

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
    talentRegistryFile: text(env, 'TALENT_REGISTRY_FILE'),
    idEncryptionKey: text(env, 'ID_ENCRYPTION_KEY'),
    corsOrigins: list(env, 'CORS_ORIGINS'),
    staticDir: text(env, 'STATIC_DIR'),
    consoleDir: consoleDir(env, cwd),
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
      syncMs: integer(env, 'RATE_LIMIT_SYNC_MS', 250, 10, 60_000),
    },
    photoStore: photoStore(env, databaseUrl !== undefined),
    redis: redis(env),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 8_000, 0, 600_000),
  }
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)
  if (raw === undefined) return fallback
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new ConfigError(`${name} 应为 true 或 false，现在是“${raw}”。`)
}

/** PHOTO_STORE and the S3_* variables. */
function photoStore(env: Env, postgres: boolean): PhotoStoreConfig {
  const kind = text(env, 'PHOTO_STORE') ?? 'disk'
  if (kind === 'disk') return { kind }
  if (kind === 'postgres') {
    if (!postgres) {
      throw new ConfigError('PHOTO_STORE=postgres 需要 PostgreSQL（设置 DATABASE_URL）；使用 SQLite 时照片请存本地磁盘（disk）或 S3 兼容存储（s3）。')
    }
    return { kind }
  }
  if (kind !== 's3') throw new ConfigError(`PHOTO_STORE 只能是 disk、s3 或 postgres，现在是“${kind}”。`)
  const bucket = text(env, 'S3_BUCKET')
  if (bucket === undefined) throw new ConfigError('PHOTO_STORE=s3 需要设置 S3_BUCKET（存放照片的存储桶，须已创建）。')
  const endpoint = text(env, 'S3_ENDPOINT')
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new ConfigError(`S3_ENDPOINT 应为 http:// 或 https:// 地址，现在是“${endpoint}”。`)
  }
  const accessKeyId = text(env, 'S3_ACCESS_KEY_ID')
  const secretAccessKey = text(env, 'S3_SECRET_ACCESS_KEY')
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError('S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY 要么都设置，要么都不设置（使用运行环境提供的凭证）。')
  }
  return {
    kind,
    bucket,
    endpoint,
    region: text(env, 'S3_REGION') ?? 'us-east-1',
    ...(accessKeyId !== undefined && secretAccessKey !== undefined ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', endpoint !== undefined),
  }
}

/** REDIS_URL and REDIS_PREFIX (keys and channels start with it, so deployments can share one Redis). */
function redis(env: Env): ServerConfig['redis'] {
  const url = text(env, 'REDIS_URL')
  if (url === undefined) return undefined
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError('REDIS_URL 应为 redis:// 或 rediss:// 地址。')
  const prefix = text(env, 'REDIS_PREFIX') ?? 'zhihui:'
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(prefix)) throw new ConfigError('REDIS_PREFIX 只能包含字母、数字和 : _ . -，最长 64 个字符。')
  return { url, prefix }
}
