/**
 * Alipay mini-program login: the auth code from `my.getAuthCode` is exchanged for the user's id
 * with the open API `alipay.system.oauth.token`. Requests are signed RSA2 (SHA256withRSA over the
 * parameters sorted by name, `k=v` joined with '&', empty values and `sign` left out). When
 * ALIPAY_PUBLIC_KEY is set, the answer's signature is checked too.
 */
import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto'
import { ConfigError } from '../config'
import { AppError } from '../errors'

export interface AlipayConfig {
  appId: string
  privateKey: string
  publicKey?: string
  gateway: string
}

const RESPONSE_NODE = 'alipay_system_oauth_token_response'

/** PEM, or the bare base64 Alipay's key tool prints (PKCS#8, or PKCS#1 for older keys). */
export function alipayPrivateKey(value: string): KeyObject {
  try {
    if (value.includes('-----BEGIN')) return createPrivateKey(value)
    const der = Buffer.from(value.replace(/\s/g, ''), 'base64')
    try {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    } catch {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })
    }
  } catch {
    throw new ConfigError('ALIPAY_PRIVATE_KEY 不是有效的 RSA 私钥（PEM，或支付宝密钥工具生成的 base64 PKCS#8 / PKCS#1）。')
  }
}

function alipayPublicKey(value: string): KeyObject {
  if (value.includes('-----BEGIN')) return createPublicKey(value)
  return createPublicKey({ key: Buffer.from(value.replace(/\s/g, ''), 'base64'), format: 'der', type: 'spki' })
}

export function alipaySignContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')
}

/** Alipay wants 'yyyy-MM-dd HH:mm:ss' in Beijing time. */
function beijingTimestamp(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** The answer node's raw text exactly as sent: the signature covers those bytes. */
function rawNode(body: string, node: string): string | undefined {
  const start = body.indexOf(`"${node}"`)
  const signAt = body.lastIndexOf('"sign"')
  if (start < 0 || signAt < start) return undefined
  const from = body.indexOf(':', start) + 1
  return body.slice(from, body.lastIndexOf(',', signAt)).trim()
}

export async function alipayOauthToken(config: AlipayConfig, code: string, now: Date): Promise<string> {
  const params: Record<string, string> = {
    app_id: config.appId,
    method: 'alipay.system.oauth.token',
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: beijingTimestamp(now),
    version: '1.0',
    grant_type: 'authorization_code',
    code,
  }
  params.sign = createSign('RSA-SHA256').update(alipaySignContent(params), 'utf8').sign(alipayPrivateKey(config.privateKey), 'base64')
  let body: string
  try {
    const response = await fetch(config.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(5000),
    })
    body = await response.text()
  } catch {
    throw new AppError(502, 'UPSTREAM_UNAVAILABLE', '支付宝登录服务暂时无法访问，请稍后再试。')
  }
  let parsed: { [RESPONSE_NODE]?: { user_id?: string; open_id?: string }; sign?: string }
  try {
    parsed = JSON.parse(body) as typeof parsed
  } catch {
    throw new AppError(502, 'UPSTREAM_UNAVAILABLE', '支付宝登录服务返回了无法识别的内容，请稍后再试。')
  }
  const node = parsed[RESPONSE_NODE]
  const userId = node?.user_id ?? node?.open_id
  if (typeof userId !== 'string' || userId === '') {
    throw new AppError(401, 'LOGIN_CODE_INVALID', '支付宝授权码无效或已过期，请重新进入小程序后再试。')
  }
  if (config.publicKey !== undefined) {
    const signed = rawNode(body, RESPONSE_NODE)
    const valid =
      signed !== undefined &&
      typeof parsed.sign === 'string' &&
      createVerify('RSA-SHA256').update(signed, 'utf8').verify(alipayPublicKey(config.publicKey), parsed.sign, 'base64')
    if (!valid) throw new AppError(502, 'UPSTREAM_SIGNATURE', '支付宝登录结果验签失败，请稍后再试。')
  }
  return userId
}
