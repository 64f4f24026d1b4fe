/**
 * Alipay mini-program template messages: open API alipay.open.app.mini.templatemessage.send
 * through the open platform gateway, signed RSA2, the answer's signature checked.
 *
 * Documentation followed:
 * - "小程序发送模板消息" (alipay.open.app.mini.templatemessage.send), the request model of Alipay's
 *   Java SDK (com.alipay.api.domain.AlipayOpenAppMiniTemplatemessageSendModel, generated from the
 *   API definition; template selection: https://opendocs.alipay.com/mini/01rnqx): biz_content
 *   {to_user_id ("一般为2088开头的16位数字"), user_template_id, page, data (a JSON string
 *   {"keyword1": {"value": "..."}}, "value 最长为 50 个字符"), form_id}. form_id is for payment,
 *   form-submission and face templates only — "订阅消息模板无需传入本参数": the applicants are told
 *   through subscription templates, so it is left out.
 * - Common request parameters (公共请求参数): app_id, method, format=JSON, charset=utf-8,
 *   sign_type=RSA2, timestamp 'yyyy-MM-dd HH:mm:ss' (Beijing time), version=1.0, biz_content;
 *   sign = base64(SHA256withRSA(app private key, the parameters except sign sorted by name and
 *   joined k=v with '&', empty values left out)) — "如何使用RSA签名验签",
 *   https://developer.aliyun.com/ask/285094 (Alipay's own Q&A), implemented in ../../auth/alipay.ts
 *   for the login and reused here.
 * - Verifying the answer ("同步响应参数验签失败", https://developer.aliyun.com/ask/285102): the
 *   signed content is the value of the JSON's xxx_response member exactly as sent — "验签需要包含
 *   json首尾的“{”和“}”两个大括号，双引号也需要参与验签" — checked with the Alipay public key
 *   (SHA256withRSA, base64 `sign` beside it). So the raw text of that member is cut out of the
 *   body, not re-serialised (re-serialising would change escapes such as "\/" and break it).
 * - Gateway codes (公共错误码): 10000 success; 20000 service unavailable (isp.unknow-error: retry);
 *   20001 insufficient authorization; 40001 missing parameter; 40002 invalid parameter; 40004
 *   business failure (sub_code says which); 40006 insufficient permissions.
 *
 * Not idempotent: the API has no idempotency key.
 */
import { createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto'
import { alipayPrivateKey, alipaySignContent } from '../../auth/alipay'
import { ConfigError } from '../../config'
import { ProviderError, type MessageKind, type MessageProvider, type SendResult } from '../provider'
import { call, cut, type FetchLike } from './http'

export interface AlipayTemplate {
  /** user_template_id from the merchant console's message templates. */
  templateId: string
  /** Which message parameter fills which keyword: { applicationNo: 'keyword1', date: 'keyword2' }. */
  fields: Record<string, string>
  /** The page the card opens when the message gives none. */
  page?: string
}

export interface AlipayTemplateConfig {
  appId: string
  /** PEM (PKCS#8 or PKCS#1) or the bare base64 Alipay's key tool prints. */
  privateKey: string
  /** Alipay's public key (支付宝公钥), PEM or bare base64 SPKI: checks the answers. */
  alipayPublicKey: string
  gateway: string
  templates: Partial<Record<MessageKind, AlipayTemplate>>
}

export interface AlipayTemplateDeps {
  fetch?: FetchLike
  now?: () => Date
  timeoutMs?: number
}

const NAME = 'alipay-template'
export const ALIPAY_TEMPLATE_METHOD = 'alipay.open.app.mini.templatemessage.send'
export const ALIPAY_TEMPLATE_RESPONSE = 'alipay_open_app_mini_templatemessage_send_response'
const VALUE_MAX = 50

export function alipayPublicKeyObject(value: string): KeyObject {
  try {
    if (value.includes('-----BEGIN')) return createPublicKey(value)
    return createPublicKey({ key: Buffer.from(value.replace(/\s/g, ''), 'base64'), format: 'der', type: 'spki' })
  } catch {
    throw new ConfigError('ALIPAY_PUBLIC_KEY 不是有效的支付宝公钥（PEM，或开放平台“支付宝公钥”页面上的 base64 文本）。')
  }
}

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time (UTC+8, no daylight saving). */
export function alipayTimestamp(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

export function signAlipay(params: Record<string, string>, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(alipaySignContent(params), 'utf8').sign(privateKey, 'base64')
}

/**
 * The raw JSON text of the top-level member `name` (an object), exactly as it appears in `body`:
 * the bytes Alipay signed. Scans braces outside strings, so a '}' inside a value does not end it.
 */
export function rawMember(body: string, name: string): string | undefined {
  const keyAt = body.indexOf(`"${name}"`)
  if (keyAt < 0) return undefined
  let i = body.indexOf(':', keyAt + name.length + 2)
  if (i < 0) return undefined
  i++
  while (i < body.length && /\s/.test(body[i] ?? '')) i++
  if (body[i] !== '{') return undefined
  const start = i
  let depth = 0
  let inString = false
  for (; i < body.length; i++) {
    const c = body[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return body.slice(start, i + 1)
  }
  return undefined
}

interface AlipayNode {
  code?: string
  msg?: string
  sub_code?: string
  sub_msg?: string
}

/** 20000 and "system busy"-like sub-codes under 40004 are worth another try; the rest needs a person. */
function retryable(node: AlipayNode): boolean {
  if (node.code === '20000') return true
  const sub = node.sub_code ?? ''
  return node.code === '40004' && (sub.startsWith('isp.') || /SYSTEM_ERROR|SYSTEM_BUSY|UNKNOW/i.test(sub))
}

export function createAlipayTemplateProvider(config: AlipayTemplateConfig, deps: AlipayTemplateDeps = {}): MessageProvider {
  const fetchImpl = deps.fetch ?? fetch
  const now = deps.now ?? (() => new Date())
  // Parsed once, now: a broken key stops the start rather than the first message.
  const privateKey = alipayPrivateKey(config.privateKey)
  const publicKey = alipayPublicKeyObject(config.alipayPublicKey)

  return {
    channel: 'alipay',
    name: NAME,
    idempotent: false,
    async send(message): Promise<SendResult> {
      const template = config.templates[message.kind]
      if (template === undefined) {
        throw new ProviderError(`${NAME}: no template configured for “${message.kind}” (ALIPAY_TEMPLATES)`, false, 'TEMPLATE_NOT_CONFIGURED')
      }
      const data: Record<string, { value: string }> = {}
      for (const [param, keyword] of Object.entries(template.fields)) {
        const value = message.params[param]
        if (value === undefined) throw new ProviderError(`${NAME}: the message has no “${param}” for ${keyword}`, false, 'PARAM_MISSING')
        data[keyword] = { value: cut(value, VALUE_MAX, true) }
      }
      const page = message.page ?? template.page
      const bizContent = {
        to_user_id: message.recipient,
        user_template_id: template.templateId,
        ...(page !== undefined ? { page } : {}),
        data: JSON.stringify(data),
      }
      const params: Record<string, string> = {
        app_id: config.appId,
        method: ALIPAY_TEMPLATE_METHOD,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: alipayTimestamp(now()),
        version: '1.0',
        biz_content: JSON.stringify(bizContent),
      }
      params.sign = signAlipay(params, privateKey)
      const answer = await call(
        fetchImpl,
        NAME,
        config.gateway,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
          body: new URLSearchParams(params).toString(),
        },
        deps.timeoutMs,
      )
      if (answer.status >= 500) throw new ProviderError(`${NAME}: HTTP ${answer.status}`, true, `HTTP_${answer.status}`)
      let parsed: Record<string, unknown>
      try {
        parsed = JSON.parse(answer.text) as Record<string, unknown>
      } catch {
        throw new ProviderError(`${NAME}: HTTP ${answer.status}, answer is not JSON`, answer.status === 429, `HTTP_${answer.status}`)
      }
      // Errors the gateway cannot tie to the method come as error_response.
      const nodeName = ALIPAY_TEMPLATE_RESPONSE in parsed ? ALIPAY_TEMPLATE_RESPONSE : 'error_response'
      const node = (parsed[nodeName] ?? {}) as AlipayNode
      const sign = parsed.sign
      if (typeof sign === 'string') {
        const signed = rawMember(answer.text, nodeName)
        const valid = signed !== undefined && createVerify('RSA-SHA256').update(signed, 'utf8').verify(publicKey, sign, 'base64')
        if (!valid) {
          // Whatever the answer claims cannot be trusted: a person looks (wrong ALIPAY_PUBLIC_KEY, or tampering).
          throw new ProviderError(`${NAME}: the answer's signature does not verify with ALIPAY_PUBLIC_KEY (code ${node.code ?? '?'})`, false, 'RESPONSE_SIGNATURE_INVALID')
        }
      } else if (node.code === '10000') {
        // A success must be signed: Alipay leaves only some error answers (e.g. a bad request signature) unsigned.
        throw new ProviderError(`${NAME}: a success answer without a signature`, false, 'RESPONSE_SIGNATURE_MISSING')
      }
      if (node.code === '10000') return {}
      const detail = [node.code, node.msg, node.sub_code, node.sub_msg].filter((part) => part !== undefined).join(' ')
      throw new ProviderError(`${NAME}: ${detail || `HTTP ${answer.status}`}`, retryable(node), node.sub_code ?? node.code ?? `HTTP_${answer.status}`)
    },
  }
}
