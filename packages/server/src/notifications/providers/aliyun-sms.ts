/**
 * Aliyun SMS (Dysmsapi, API version 2017-05-25): SendSms, RPC style, signed with signature
 * version 1.0 (HMAC-SHA1).
 *
 * Documentation followed:
 * - "SendSms - 发送短信", https://help.aliyun.com/document_detail/55284.html — parameters
 *   PhoneNumbers, SignName, TemplateCode, TemplateParam (a JSON string), OutId; answer Code 'OK'
 *   with BizId. Its usage notes say two things this file is built on: "国内短信……目前均不支持幂等
 *   的能力，请您做好幂等控制" (SendSms is NOT idempotent), and "发生超时失败的情况时，建议查看回执
 *   状态后再判断是否重试" (after a timeout, look the message up before retrying).
 * - "签名机制", https://help.aliyun.com/document_detail/28839.html (English: "Signature mechanism",
 *   https://help.aliyun.com/en/document_detail/130769.html) — the canonicalized query string,
 *   percent-encoding (RFC 3986: space is %20, '*' is %2A, '~' stays), StringToSign =
 *   HTTPMethod + '&' + percentEncode('/') + '&' + percentEncode(canonicalized), key =
 *   AccessKeySecret + '&'. SignatureNonce is "唯一随机数，用于防止网络重放攻击。用户在不同请求间要
 *   使用不同的随机数值".
 * - The SMS service's own worked example ("HTTP协议及签名", reproduced at
 *   https://developer.aliyun.com/ask/218522): testId / testSecret, SignatureNonce
 *   45e25e9b-0a6f-4070-8c85-2956eda1b466, Timestamp 2017-07-12T02:42:19Z →
 *   Signature zJDF+Lrzhj/ThnlvIToysFRq6t4= (a fixed vector in the tests).
 * - "QuerySendDetails - 查询短信发送详情", https://help.aliyun.com/document_detail/419277.html —
 *   PhoneNumber + SendDate (yyyyMMdd, last 30 days) + PageSize (1–50) + CurrentPage; the records
 *   carry the OutId given to SendSms.
 * - "API错误码", https://help.aliyun.com/document_detail/101346.html — isv.BUSINESS_LIMIT_CONTROL
 *   (rate limit: retry later), isv.SMS_TEMPLATE_ILLEGAL, isv.MOBILE_NUMBER_ILLEGAL, ... (permanent).
 *
 * Why SignatureNonceUsed is NOT read as "already delivered": the nonce is the gateway's replay
 * guard, checked before the SMS service looks at the request. A repeated nonce is refused
 * whatever became of the first request — also when that one was throttled or failed with a 5xx
 * after the gateway had recorded its nonce — and the gateway forgets nonces after a while (about
 * half an hour, per Aliyun's gateway team: https://developer.aliyun.com/ask/561619), after which a
 * repeat would be sent again. So idempotency is built the way the SendSms page advises: the
 * message id travels as OutId, and before any retry (attempt > 1, or a SignatureNonceUsed answer)
 * QuerySendDetails is asked whether a record with that OutId exists for the number. Found: the
 * message was accepted before, `duplicate: true`. Not found: send, with a nonce never used before
 * (message id + attempt). Hence `idempotent: true`.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { ProviderError, type MessageKind, type MessageProvider, type OutboundMessage, type SendResult } from '../provider'
import { call, chinaDate, parseJson, type FetchLike } from './http'

export interface AliyunSmsConfig {
  accessKeyId: string
  accessKeySecret: string
  /** The approved signature (签名名称), e.g. 智汇郑州. */
  signName: string
  /** Approved template code (SMS_...) per kind; a kind without one cannot be texted. */
  templates: Partial<Record<MessageKind, string>>
  /** https://dysmsapi.aliyuncs.com/ by default. */
  endpoint: string
}

export interface AliyunSmsDeps {
  fetch?: FetchLike
  now?: () => Date
  timeoutMs?: number
}

const NAME = 'aliyun-sms'
const API_VERSION = '2017-05-25'
/** Dysmsapi is a central service; the signature docs' examples and the SDKs use cn-hangzhou. */
const REGION_ID = 'cn-hangzhou'

/** RFC 3986 encoding as the signature docs define it (encodeURIComponent leaves !'()* alone). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Sorted by name (byte order: the names are ASCII), each name and value percent-encoded. */
export function canonicalize(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] ?? '')}`)
    .join('&')
}

export function stringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalize(params))}`
}

/** Base64(HMAC-SHA1(AccessKeySecret + '&', StringToSign)). */
export function signRpc(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64')
}

/** ISO 8601 UTC without milliseconds: yyyy-MM-ddTHH:mm:ssZ, as the common parameters require. */
export function rpcTimestamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Answers that mean "not now": throttling, the service's own failures. The SMS error page lists
 * isv.BUSINESS_LIMIT_CONTROL; Throttling* and ServiceUnavailable/InternalError are the OpenAPI
 * gateway's common codes.
 */
const RETRYABLE = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'isp.SYSTEM_ERROR', 'ServiceUnavailable', 'InternalError', 'isp.GATEWAY_ERROR'])
const retryableCode = (code: string) => RETRYABLE.has(code) || code.startsWith('Throttling')

interface RpcAnswer {
  Code?: string
  Message?: string
  RequestId?: string
  BizId?: string
}

interface DetailsAnswer extends RpcAnswer {
  TotalCount?: number | string
  SmsSendDetailDTOs?: { SmsSendDetailDTO?: Array<{ OutId?: string; SendStatus?: number; PhoneNum?: string }> }
}

/** QuerySendDetails wants the bare 11-digit number; SendSms also accepts +86 / 0086 / 86 prefixes. */
const bareNumber = (mobile: string) => mobile.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '')

export function createAliyunSmsProvider(config: AliyunSmsConfig, deps: AliyunSmsDeps = {}): MessageProvider {
  const fetchImpl = deps.fetch ?? fetch
  const now = deps.now ?? (() => new Date())
  const endpoint = config.endpoint

  async function rpc<T extends RpcAnswer>(action: string, nonce: string, business: Record<string, string>): Promise<{ status: number; body: T }> {
    const params: Record<string, string> = {
      AccessKeyId: config.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: REGION_ID,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      Timestamp: rpcTimestamp(now()),
      Version: API_VERSION,
      ...business,
    }
    // POST: the parameters travel as a form body and the method in StringToSign is POST.
    const body = `Signature=${percentEncode(signRpc('POST', params, config.accessKeySecret))}&${canonicalize(params)}`
    const answer = await call(
      fetchImpl,
      NAME,
      endpoint,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body },
      deps.timeoutMs,
    )
    return { status: answer.status, body: parseJson<T>(NAME, answer) }
  }

  /**
   * Whether Aliyun holds a record with this OutId for the number, today or yesterday (China time:
   * a retry may cross midnight). Any failure to find out is retryable: sending blind could text twice.
   */
  async function alreadyAccepted(message: OutboundMessage): Promise<boolean> {
    const today = now()
    const dates = [...new Set([chinaDate(today), chinaDate(new Date(today.getTime() - 24 * 3600_000))])]
    for (const date of dates) {
      for (let page = 1; page <= 20; page++) {
        // The lookup is a request of its own and gets a nonce of its own.
        const { status, body } = await rpc<DetailsAnswer>('QuerySendDetails', randomUUID(), {
          PhoneNumber: bareNumber(message.recipient),
          SendDate: date,
          PageSize: '50',
          CurrentPage: String(page),
        })
        if (body.Code !== 'OK') {
          throw new ProviderError(
            `${NAME}: cannot tell whether message ${message.id} was sent before (QuerySendDetails: HTTP ${status}, ${body.Code ?? '?'} ${body.Message ?? ''})`,
            true,
            body.Code ?? `HTTP_${status}`,
          )
        }
        const records = body.SmsSendDetailDTOs?.SmsSendDetailDTO ?? []
        if (records.some((record) => record.OutId === message.id)) return true
        if (records.length < 50 || page * 50 >= Number(body.TotalCount ?? 0)) break
      }
    }
    return false
  }

  return {
    channel: 'sms',
    name: NAME,
    idempotent: true,
    async send(message): Promise<SendResult> {
      const templateCode = config.templates[message.kind]
      if (templateCode === undefined) {
        throw new ProviderError(`${NAME}: no template code configured for “${message.kind}” (ALIYUN_SMS_TEMPLATES)`, false, 'TEMPLATE_NOT_CONFIGURED')
      }
      if (message.attempt > 1 && (await alreadyAccepted(message))) return { duplicate: true }

      const business: Record<string, string> = {
        PhoneNumbers: message.recipient,
        SignName: config.signName,
        TemplateCode: templateCode,
        OutId: message.id,
      }
      if (Object.keys(message.params).length > 0) business.TemplateParam = JSON.stringify(message.params)
      // A nonce the gateway has never seen: the first attempt uses the message id itself.
      const nonce = message.attempt <= 1 ? message.id : `${message.id}-${message.attempt}`
      const { status, body } = await rpc<RpcAnswer>('SendSms', nonce, business)
      const code = body.Code ?? `HTTP_${status}`
      if (code === 'OK') return body.BizId !== undefined ? { providerMessageId: body.BizId } : {}
      if (code === 'SignatureNonceUsed') {
        // This very attempt reached the gateway before (the worker ran it again after a crash).
        if (await alreadyAccepted(message)) return { duplicate: true }
        throw new ProviderError(`${NAME}: attempt ${message.attempt} was made before and did not go through; try again`, true, code)
      }
      const text = `${NAME}: ${code}${body.Message !== undefined ? ` (${body.Message})` : ''}, request ${body.RequestId ?? '?'}`
      throw new ProviderError(text, status >= 500 || retryableCode(code), code)
    },
  }
}
