/**
 * The server's configuration, read from the environment once (design.md, "Server configuration").
 * Everything else receives a ServerConfig, so tests build apps from plain objects and never
 * touch process.env.
 */
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { MessageKind } from './notifications/provider'
import type { AlipayTemplate, AlipayTemplateConfig } from './notifications/providers/alipay-template'
import type { AliyunSmsConfig } from './notifications/providers/aliyun-sms'
import type { WechatSubscribeConfig, WechatTemplate } from './notifications/providers/wechat-subscribe'

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
  /** The real message channels that are configured (readProviderConfig); a missing one falls back to the development outbox. */
  providers?: ProvidersConfig
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
    providers: readProviderConfig(env),
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

/* ------------------------------------------------------------------------------------------------
 * Message providers (packages/server/README.md, "Message providers"). A channel whose variables
 * are all unset is absent, and its messages go to the development outbox; a channel configured in
 * part is an error naming what is missing, so a forgotten secret stops the start instead of
 * silently falling back.
 * ---------------------------------------------------------------------------------------------- */

export interface ProvidersConfig {
  sms?: AliyunSmsConfig
  wechat?: WechatSubscribeConfig
  alipay?: AlipayTemplateConfig
}

const MESSAGE_KINDS: Record<MessageKind, true> = {
  rejection: true,
  notice: true,
  objection: true,
  payment: true,
  stop: true,
  resume: true,
  'talent-request': true,
  'talent-answer': true,
}
const KIND_LIST = Object.keys(MESSAGE_KINDS).join('、')

function missing(names: string[], env: Env, what: string): void {
  const absent = names.filter((name) => text(env, name) === undefined)
  if (absent.length > 0) throw new ConfigError(`${what}还需要设置 ${absent.join('、')}。`)
}

/** NAME, or the contents of the file NAME_FILE names (keys are easier to mount as files). */
function secret(env: Env, name: string): string | undefined {
  const direct = multiline(text(env, name))
  if (direct !== undefined) return direct
  const file = text(env, `${name}_FILE`)
  if (file === undefined) return undefined
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    throw new ConfigError(`${name}_FILE 指向的文件“${file}”无法读取，请检查路径和权限。`)
  }
}

/** A JSON object keyed by message kind, each value checked by `entry`. */
function kindMap<T>(env: Env, name: string, entry: (value: unknown, where: string) => T): Partial<Record<MessageKind, T>> {
  const raw = text(env, name) ?? ''
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new ConfigError(`${name} 应为 JSON 对象（消息类型 → 模板），现在无法解析。`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    throw new ConfigError(`${name} 应为非空的 JSON 对象，键为消息类型（${KIND_LIST}）。`)
  }
  const out: Partial<Record<MessageKind, T>> = {}
  for (const [kind, value] of Object.entries(parsed)) {
    if (!(kind in MESSAGE_KINDS)) throw new ConfigError(`${name} 中的“${kind}”不是消息类型；可用的类型：${KIND_LIST}。`)
    out[kind as MessageKind] = entry(value, `${name} 中“${kind}”`)
  }
  return out
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** {templateId, fields: {param: key}, page?}: the shape WeChat and Alipay templates share. */
function templateEntry(value: unknown, where: string, keyExample: string): AlipayTemplate {
  const v = value as { templateId?: unknown; fields?: unknown; page?: unknown } | null
  if (typeof v !== 'object' || v === null || !nonEmpty(v.templateId)) {
    throw new ConfigError(`${where}应为 {"templateId": "模板 ID", "fields": {"参数名": "${keyExample}"}}，缺少 templateId。`)
  }
  const fields = v.fields
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields) || !Object.values(fields).every(nonEmpty)) {
    throw new ConfigError(`${where}的 fields 应为对象，把消息参数名对应到模板关键字，例如 {"applicationNo": "${keyExample}"}。`)
  }
  if (v.page !== undefined && !nonEmpty(v.page)) throw new ConfigError(`${where}的 page 应为小程序页面路径，例如 pages/index/index。`)
  return { templateId: v.templateId, fields: fields as Record<string, string>, ...(nonEmpty(v.page) ? { page: v.page } : {}) }
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const value = text(env, name) ?? fallback
  if (!/^https?:\/\/[^/\s]+/.test(value)) throw new ConfigError(`${name} 应为 http:// 或 https:// 地址，现在是“${value}”。`)
  return value
}

export function readProviderConfig(env: Env = process.env): ProvidersConfig {
  const providers: ProvidersConfig = {}

  // Aliyun SMS: the four variables together (the endpoint has a default).
  const smsVars = ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATES']
  if ([...smsVars, 'ALIYUN_SMS_ENDPOINT'].some((name) => text(env, name) !== undefined)) {
    missing(smsVars, env, '阿里云短信：')
    providers.sms = {
      accessKeyId: text(env, 'ALIYUN_SMS_ACCESS_KEY_ID') as string,
      accessKeySecret: text(env, 'ALIYUN_SMS_ACCESS_KEY_SECRET') as string,
      signName: text(env, 'ALIYUN_SMS_SIGN_NAME') as string,
      templates: kindMap(env, 'ALIYUN_SMS_TEMPLATES', (value, where) => {
        if (!nonEmpty(value)) throw new ConfigError(`${where}应为短信模板 Code（如 SMS_123456789）。`)
        return value
      }),
      endpoint: httpUrl(env, 'ALIYUN_SMS_ENDPOINT', 'https://dysmsapi.aliyuncs.com/'),
    }
  }

  // WeChat subscription messages reuse the mini-program's WECHAT_APPID / WECHAT_SECRET (login).
  if (text(env, 'WECHAT_SUBSCRIBE_TEMPLATES') !== undefined) {
    missing(['WECHAT_APPID', 'WECHAT_SECRET'], env, '微信订阅消息（WECHAT_SUBSCRIBE_TEMPLATES）：')
    const state = text(env, 'WECHAT_MINIPROGRAM_STATE') ?? 'formal'
    if (state !== 'formal' && state !== 'trial' && state !== 'developer') {
      throw new ConfigError(`WECHAT_MINIPROGRAM_STATE 只能是 formal、trial 或 developer，现在是“${state}”。`)
    }
    providers.wechat = {
      appId: text(env, 'WECHAT_APPID') as string,
      secret: text(env, 'WECHAT_SECRET') as string,
      apiBase: httpUrl(env, 'WECHAT_API_BASE', 'https://api.weixin.qq.com'),
      templates: kindMap<WechatTemplate>(env, 'WECHAT_SUBSCRIBE_TEMPLATES', (value, where) => {
        const { templateId, fields } = templateEntry(value, where, 'thing1')
        return { templateId, fields }
      }),
      miniprogramState: state,
    }
  }

  // Alipay template messages reuse the login's ALIPAY_APPID and keys; answers are always verified.
  if (text(env, 'ALIPAY_TEMPLATES') !== undefined) {
    const privateKey = secret(env, 'ALIPAY_PRIVATE_KEY')
    const publicKey = secret(env, 'ALIPAY_PUBLIC_KEY')
    const absent = [
      ...(text(env, 'ALIPAY_APPID') === undefined ? ['ALIPAY_APPID'] : []),
      ...(privateKey === undefined ? ['ALIPAY_PRIVATE_KEY（或 ALIPAY_PRIVATE_KEY_FILE）'] : []),
      ...(publicKey === undefined ? ['ALIPAY_PUBLIC_KEY（或 ALIPAY_PUBLIC_KEY_FILE，支付宝公钥，用于验证应答签名）'] : []),
    ]
    if (absent.length > 0) throw new ConfigError(`支付宝模板消息（ALIPAY_TEMPLATES）：还需要设置 ${absent.join('、')}。`)
    providers.alipay = {
      appId: text(env, 'ALIPAY_APPID') as string,
      privateKey: privateKey as string,
      alipayPublicKey: publicKey as string,
      gateway: httpUrl(env, 'ALIPAY_GATEWAY', 'https://openapi.alipay.com/gateway.do'),
      templates: kindMap(env, 'ALIPAY_TEMPLATES', (value, where) => templateEntry(value, where, 'keyword1')),
    }
  }
  return providers
}
