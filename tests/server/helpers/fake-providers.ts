/**
 * Local stand-ins for Aliyun SMS, the WeChat API and the Alipay open platform gateway: node:http
 * servers on 127.0.0.1 (a free port) that check every request the way the providers' documentation
 * describes it — signatures recomputed or verified, required parameters present, documented value
 * limits — and answer the way the real services do. Each records what it delivered and can be
 * told to fail for a while (failFor) or for the next n requests (failNext), so fault tests can
 * check that every message arrives exactly once afterwards.
 *
 * The references are the ones cited in packages/server/src/notifications/providers/*.ts.
 */
import { createHmac, createSign, createVerify, randomUUID, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeProvider<Delivery, Mode extends string> {
  /** Base URL: Aliyun's endpoint, WeChat's API base, Alipay's gateway. */
  url: string
  deliveries: Delivery[]
  /** Every request that reached the fake, in order (action / path), for assertions about what was called. */
  calls: string[]
  /** Fail every request for `ms` (default: HTTP 500). */
  failFor(ms: number, mode?: Mode): void
  /** Fail the next `n` requests (default: HTTP 500). */
  failNext(n: number, mode?: Mode): void
  close(): Promise<void>
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => unknown

async function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      Promise.resolve(handler(req, Buffer.concat(chunks).toString('utf8'), res)).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' }).end(JSON.stringify(body))

/** failFor / failNext bookkeeping shared by the three fakes. */
function faults<Mode extends string>(defaultMode: Mode, now: () => number) {
  let until = 0
  let untilMode = defaultMode
  let next = 0
  let nextMode = defaultMode
  return {
    failFor(ms: number, mode: Mode = defaultMode) {
      until = now() + ms
      untilMode = mode
    },
    failNext(n: number, mode: Mode = defaultMode) {
      next = n
      nextMode = mode
    },
    /** The failure this request suffers, if any. */
    take(): Mode | undefined {
      if (next > 0) {
        next--
        return nextMode
      }
      return now() < until ? untilMode : undefined
    },
  }
}

/* ------------------------------------------------------------------ Aliyun SMS (Dysmsapi RPC) */

export interface AliyunDelivery {
  outId?: string
  phoneNumbers: string
  signName: string
  templateCode: string
  templateParam?: Record<string, string>
  bizId: string
  at: number
}

/** http500: the service fails; throttle: isv.BUSINESS_LIMIT_CONTROL; lose-answer: accepted, then the connection drops before the answer. */
export type AliyunFailure = 'http500' | 'throttle' | 'lose-answer'

export interface FakeAliyunSms extends FakeProvider<AliyunDelivery, AliyunFailure> {
  nonces: Set<string>
}

const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const chinaDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')

export async function startFakeAliyunSms(options: {
  accessKeyId: string
  accessKeySecret: string
  /** Approved template codes; others are refused with isv.SMS_TEMPLATE_ILLEGAL. */
  templates?: string[]
  now?: () => number
}): Promise<FakeAliyunSms> {
  const now = options.now ?? Date.now
  const deliveries: AliyunDelivery[] = []
  const calls: string[] = []
  const nonces = new Set<string>()
  const fault = faults<AliyunFailure>('http500', now)
  let serial = 0

  const { server, url } = await listen((req, body, res) => {
    const method = req.method === 'GET' ? 'GET' : 'POST'
    const query = new URL(req.url ?? '/', 'http://x').searchParams
    const form = method === 'POST' ? new URLSearchParams(body) : query
    const params: Record<string, string> = {}
    for (const [key, value] of form) params[key] = value
    calls.push(params.Action ?? '?')
    const requestId = randomUUID().toUpperCase()
    const refuse = (status: number, Code: string, Message: string) => json(res, status, { RequestId: requestId, Code, Message })

    // Common parameters ("公共参数" / signature mechanism).
    for (const name of ['AccessKeyId', 'Action', 'Format', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature']) {
      if (params[name] === undefined || params[name] === '') return refuse(400, `Missing${name}`, `${name} is mandatory for this action.`)
    }
    if (params.AccessKeyId !== options.accessKeyId) return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return refuse(400, 'InvalidParameter', 'SignatureMethod/SignatureVersion')
    if (params.Version !== '2017-05-25') return refuse(400, 'InvalidVersion', 'Specified parameter Version is not valid.')
    if (params.Format !== 'JSON' && params.Format !== 'XML') return refuse(400, 'InvalidParameter.Format', 'Format')
    const canonical = Object.keys(params)
      .filter((key) => key !== 'Signature')
      .sort()
      .map((key) => `${rfc3986(key)}=${rfc3986(params[key] ?? '')}`)
      .join('&')
    const expected = createHmac('sha1', `${options.accessKeySecret}&`).update(`${method}&%2F&${rfc3986(canonical)}`, 'utf8').digest('base64')
    if (expected !== params.Signature) {
      return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.')
    }
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp ?? '')) return refuse(400, 'InvalidTimeStamp.Format', 'Specified time stamp is not valid.')
    if (Math.abs(Date.parse(params.Timestamp ?? '') - now()) > 15 * 60_000) {
      return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
    }
    // The gateway's replay guard: a nonce is accepted once, whatever becomes of the request.
    if (nonces.has(params.SignatureNonce ?? '')) return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    nonces.add(params.SignatureNonce ?? '')

    const failure = fault.take()
    if (failure === 'http500') return refuse(500, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.')
    if (failure === 'throttle') return json(res, 200, { RequestId: requestId, Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' })

    if (params.Action === 'SendSms') {
      for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) {
        if (params[name] === undefined || params[name] === '') return refuse(400, `Missing${name}`, `${name} is mandatory for this action.`)
      }
      if (!/^(\+86|0086|86)?1\d{10}$/.test(params.PhoneNumbers ?? '')) return json(res, 200, { RequestId: requestId, Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' })
      if (options.templates !== undefined && !options.templates.includes(params.TemplateCode ?? '')) {
        return json(res, 200, { RequestId: requestId, Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板' })
      }
      let templateParam: Record<string, string> | undefined
      if (params.TemplateParam !== undefined) {
        try {
          templateParam = JSON.parse(params.TemplateParam) as Record<string, string>
        } catch {
          return json(res, 200, { RequestId: requestId, Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法，只接受字符串值' })
        }
        if (typeof templateParam !== 'object' || templateParam === null || !Object.values(templateParam).every((v) => typeof v === 'string')) {
          return json(res, 200, { RequestId: requestId, Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法，只接受字符串值' })
        }
      }
      const bizId = `${String(++serial).padStart(6, '0')}^${Math.floor(now() / 1000)}`
      deliveries.push({
        ...(params.OutId !== undefined ? { outId: params.OutId } : {}),
        phoneNumbers: params.PhoneNumbers ?? '',
        signName: params.SignName ?? '',
        templateCode: params.TemplateCode ?? '',
        ...(templateParam !== undefined ? { templateParam } : {}),
        bizId,
        at: now(),
      })
      if (failure === 'lose-answer') {
        res.socket?.destroy()
        return
      }
      return json(res, 200, { RequestId: requestId, Code: 'OK', Message: 'OK', BizId: bizId })
    }

    if (params.Action === 'QuerySendDetails') {
      for (const name of ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage']) {
        if (params[name] === undefined || params[name] === '') return refuse(400, `Missing${name}`, `${name} is mandatory for this action.`)
      }
      const size = Number(params.PageSize)
      const page = Number(params.CurrentPage)
      if (!/^\d{8}$/.test(params.SendDate ?? '') || !(size >= 1 && size <= 50) || !(page >= 1)) {
        return json(res, 200, { RequestId: requestId, Code: 'isv.INVALID_PARAMETERS', Message: '参数异常' })
      }
      const phone = (p: string) => p.replace(/^(\+86|0086|86)/, '')
      const matching = deliveries.filter((d) => phone(d.phoneNumbers) === params.PhoneNumber && chinaDay(d.at) === params.SendDate)
      const slice = matching.slice((page - 1) * size, page * size)
      return json(res, 200, {
        RequestId: requestId,
        Code: 'OK',
        Message: 'OK',
        TotalCount: matching.length,
        SmsSendDetailDTOs: {
          SmsSendDetailDTO: slice.map((d) => ({
            PhoneNum: params.PhoneNumber,
            SendStatus: 3,
            ErrCode: 'DELIVERED',
            TemplateCode: d.templateCode,
            Content: `【${d.signName}】${JSON.stringify(d.templateParam ?? {})}`,
            SendDate: new Date(d.at + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' '),
            ReceiveDate: new Date(d.at + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' '),
            ...(d.outId !== undefined ? { OutId: d.outId } : {}),
          })),
        },
      })
    }
    return refuse(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
  })

  return { url: `${url}/`, deliveries, calls, nonces, failFor: fault.failFor, failNext: fault.failNext, close: closer(server) }
}

/* ------------------------------------------------------------------ WeChat (stable_token + subscribeMessage.send) */

export interface WechatDelivery {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  lang?: string
  msgid: number
}

/** http500: the API fails; busy: errcode -1 (system busy). */
export type WechatFailure = 'http500' | 'busy'

export interface FakeWechat extends FakeProvider<WechatDelivery, WechatFailure> {
  /** Each stable_token call: whether it forced a refresh. */
  tokenRequests: Array<{ forceRefresh: boolean }>
  /** The token WeChat considers current. */
  currentToken(): string | undefined
  /** Invalidates every token issued so far (as a forced refresh elsewhere would): sends answer 40001. */
  revokeTokens(): void
  /** Makes every token issued so far expired: sends answer 42001. */
  expireTokens(): void
  /** Openids that refused (or cancelled) the subscription: sends answer 43101. */
  refused: Set<string>
}

/** "订阅消息参数值内容限制说明": limits by key type (characters). */
const WECHAT_LIMITS: Record<string, number> = { thing: 20, character_string: 32, number: 32, letter: 32, symbol: 5, phrase: 5, phone_number: 17, car_number: 8 }

export async function startFakeWechat(options: { appId: string; secret: string; tokenTtlSeconds?: number; now?: () => number }): Promise<FakeWechat> {
  const now = options.now ?? Date.now
  const ttl = (options.tokenTtlSeconds ?? 7200) * 1000
  const deliveries: WechatDelivery[] = []
  const calls: string[] = []
  const tokenRequests: Array<{ forceRefresh: boolean }> = []
  const refused = new Set<string>()
  /** token → expiry (epoch ms); revoked tokens are removed. */
  const tokens = new Map<string, number>()
  let current: string | undefined
  const fault = faults<WechatFailure>('http500', now)
  let msgid = 1000

  const issue = () => {
    current = `tok_${randomUUID().replace(/-/g, '')}`
    tokens.set(current, now() + ttl)
    return current
  }

  const { server, url } = await listen((req, body, res) => {
    const path = new URL(req.url ?? '/', 'http://x')
    calls.push(path.pathname)
    if (req.method !== 'POST') return json(res, 200, { errcode: 43002, errmsg: 'require POST method' })
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(body) as Record<string, unknown>
    } catch {
      return json(res, 200, { errcode: 47001, errmsg: 'data format error' })
    }
    const failure = fault.take()
    if (failure === 'http500') return res.writeHead(502).end('Bad Gateway')
    if (failure === 'busy') return json(res, 200, { errcode: -1, errmsg: 'system error' })

    if (path.pathname === '/cgi-bin/stable_token') {
      if (payload.grant_type !== 'client_credential') return json(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' })
      if (payload.appid !== options.appId) return json(res, 200, { errcode: 40013, errmsg: 'invalid appid' })
      if (payload.secret !== options.secret) return json(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' })
      if (payload.force_refresh !== undefined && typeof payload.force_refresh !== 'boolean') return json(res, 200, { errcode: 40097, errmsg: 'invalid args' })
      const force = payload.force_refresh === true
      tokenRequests.push({ forceRefresh: force })
      // Normal mode: the current token while it has more than 5 minutes left; a new one otherwise.
      if (force) {
        if (current !== undefined) tokens.delete(current)
        issue()
      } else if (current === undefined || !tokens.has(current) || (tokens.get(current) ?? 0) - now() <= 5 * 60_000) {
        issue()
      }
      const token = current as string
      return json(res, 200, { access_token: token, expires_in: Math.floor(((tokens.get(token) ?? 0) - now()) / 1000) })
    }

    if (path.pathname === '/cgi-bin/message/subscribe/send') {
      const token = path.searchParams.get('access_token') ?? ''
      const expiry = tokens.get(token)
      if (expiry === undefined) return json(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
      if (expiry <= now()) return json(res, 200, { errcode: 42001, errmsg: 'access_token expired' })
      if (typeof payload.touser !== 'string' || payload.touser === '') return json(res, 200, { errcode: 40003, errmsg: 'invalid openid' })
      if (typeof payload.template_id !== 'string' || payload.template_id === '') return json(res, 200, { errcode: 40037, errmsg: 'invalid template_id' })
      const data = payload.data as Record<string, { value?: unknown }> | undefined
      if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) return json(res, 200, { errcode: 47003, errmsg: 'argument invalid! data is empty' })
      for (const [key, entry] of Object.entries(data)) {
        const value = entry?.value
        const limit = WECHAT_LIMITS[key.replace(/\d+$/, '')]
        if (typeof value !== 'string' || value === '' || (limit !== undefined && Array.from(value).length > limit)) {
          return json(res, 200, { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` })
        }
      }
      if (payload.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(payload.miniprogram_state))) {
        return json(res, 200, { errcode: 47003, errmsg: 'argument invalid! miniprogram_state' })
      }
      if (payload.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(payload.lang))) {
        return json(res, 200, { errcode: 47003, errmsg: 'argument invalid! lang' })
      }
      if (refused.has(payload.touser)) return json(res, 200, { errcode: 43101, errmsg: 'user refuse to accept the msg' })
      const id = ++msgid
      deliveries.push({
        touser: payload.touser,
        template_id: payload.template_id,
        ...(typeof payload.page === 'string' ? { page: payload.page } : {}),
        data: data as Record<string, { value: string }>,
        ...(typeof payload.miniprogram_state === 'string' ? { miniprogram_state: payload.miniprogram_state } : {}),
        ...(typeof payload.lang === 'string' ? { lang: payload.lang } : {}),
        msgid: id,
      })
      return json(res, 200, { errcode: 0, errmsg: 'ok', msgid: id })
    }
    return json(res, 404, { errcode: 40066, errmsg: 'invalid url' })
  })

  return {
    url,
    deliveries,
    calls,
    tokenRequests,
    refused,
    currentToken: () => current,
    revokeTokens() {
      tokens.clear()
      current = undefined
    },
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, now() - 1)
    },
    failFor: fault.failFor,
    failNext: fault.failNext,
    close: closer(server),
  }
}

/* ------------------------------------------------------------------ Alipay open platform gateway */

export interface AlipayDelivery {
  to_user_id: string
  user_template_id: string
  page?: string
  data: Record<string, { value: string }>
}

/** http500: the gateway fails; busy: code 20000 isp.unknow-error. */
export type AlipayFailure = 'http500' | 'busy'

/** How the fake signs its answers: properly, with a key that is not Alipay's, or properly and then altered on the way. */
export type AlipayAnswerSigning = 'valid' | 'wrong-key' | 'tampered'

export interface FakeAlipay extends FakeProvider<AlipayDelivery, AlipayFailure> {
  signAnswers(mode: AlipayAnswerSigning): void
  /** The form fields of the last request, for assertions on the common parameters. */
  lastRequest(): Record<string, string> | undefined
}

export async function startFakeAlipay(options: {
  appId: string
  /** The application's public key: checks the requests' RSA2 signatures. */
  appPublicKey: KeyObject
  /** "Alipay's" private key: signs the answers (the provider holds the matching public key). */
  alipayPrivateKey: KeyObject
  /** Signs answers in 'wrong-key' mode. */
  otherPrivateKey?: KeyObject
  now?: () => number
}): Promise<FakeAlipay> {
  const now = options.now ?? Date.now
  const deliveries: AlipayDelivery[] = []
  const calls: string[] = []
  const fault = faults<AlipayFailure>('http500', now)
  let signing: AlipayAnswerSigning = 'valid'
  let last: Record<string, string> | undefined
  const NODE = 'alipay_open_app_mini_templatemessage_send_response'

  /** The answer as Alipay writes it: the node's JSON (slashes escaped, as Alipay's serializer does) and the signature of exactly that text. */
  const answer = (res: ServerResponse, node: Record<string, string>, sign = true) => {
    const nodeText = JSON.stringify(node).replace(/\//g, '\\/')
    if (!sign) {
      res.writeHead(200, { 'content-type': 'text/html;charset=utf-8' }).end(`{"${NODE}":${nodeText}}`)
      return
    }
    const key = signing === 'wrong-key' ? (options.otherPrivateKey ?? options.alipayPrivateKey) : options.alipayPrivateKey
    const signature = createSign('RSA-SHA256').update(nodeText, 'utf8').sign(key, 'base64')
    // Tampering turns a failure into a "success", or adds a member to a success: either way the bytes differ from the signed ones.
    const altered = nodeText.replace(/"code":"(?!10000)\d+"/, '"code":"10000"')
    const sent = signing !== 'tampered' ? nodeText : altered !== nodeText ? altered : nodeText.replace(/}$/, ',"extra":"1"}')
    res.writeHead(200, { 'content-type': 'text/html;charset=utf-8' }).end(`{"${NODE}":${sent},"sign":"${signature}"}`)
  }
  const fail = (res: ServerResponse, code: string, msg: string, subCode: string, subMsg: string, sign = true) =>
    answer(res, { code, msg, sub_code: subCode, sub_msg: subMsg }, sign)

  const { server, url } = await listen((req, body, res) => {
    const params: Record<string, string> = {}
    const source = req.method === 'POST' ? new URLSearchParams(body) : new URL(req.url ?? '/', 'http://x').searchParams
    for (const [key, value] of source) params[key] = value
    last = params
    calls.push(params.method ?? '?')
    for (const name of ['app_id', 'method', 'format', 'charset', 'sign_type', 'sign', 'timestamp', 'version', 'biz_content']) {
      if (params[name] === undefined || params[name] === '') return fail(res, '40001', 'Missing Required Arguments', `isv.missing-${name.replace(/_/g, '-')}`, `缺少${name}参数`, false)
    }
    if (params.app_id !== options.appId) return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-app-id', '无效的AppID参数', false)
    if (params.method !== 'alipay.open.app.mini.templatemessage.send') return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-method', '不存在的方法名', false)
    if (params.format?.toUpperCase() !== 'JSON' || params.charset?.toLowerCase() !== 'utf-8' || params.version !== '1.0') {
      return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-parameter', 'format/charset/version', false)
    }
    if (params.sign_type !== 'RSA2') return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-signature-type', '无效的签名类型', false)
    const content = Object.keys(params)
      .filter((key) => key !== 'sign' && params[key] !== '')
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join('&')
    if (!createVerify('RSA-SHA256').update(content, 'utf8').verify(options.appPublicKey, params.sign ?? '', 'base64')) {
      return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-signature', '验签出错', false)
    }
    // 'yyyy-MM-dd HH:mm:ss' in Beijing time, close to now.
    const ts = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/.exec(params.timestamp ?? '')
    if (ts === null || Math.abs(Date.parse(`${ts[1]}T${ts[2]}+08:00`) - now()) > 15 * 60_000) {
      return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-timestamp', '非法的时间戳参数', false)
    }
    const failure = fault.take()
    if (failure === 'http500') return res.writeHead(503).end('Service Unavailable')
    if (failure === 'busy') return fail(res, '20000', 'Service Currently Unavailable', 'isp.unknow-error', '系统繁忙')

    let biz: Record<string, unknown>
    try {
      biz = JSON.parse(params.biz_content ?? '') as Record<string, unknown>
    } catch {
      return fail(res, '40002', 'Invalid Arguments', 'isv.invalid-biz-content', 'biz_content 不是 JSON')
    }
    if (typeof biz.to_user_id !== 'string' || !/^2088\d{12}$/.test(biz.to_user_id)) return fail(res, '40004', 'Business Failed', 'USER_NOT_EXIST', '用户不存在')
    if (typeof biz.user_template_id !== 'string' || biz.user_template_id === '') return fail(res, '40004', 'Business Failed', 'TEMPLATE_NOT_EXIST', '模板不存在')
    let data: Record<string, { value?: unknown }>
    try {
      data = JSON.parse(String(biz.data)) as Record<string, { value?: unknown }>
    } catch {
      return fail(res, '40004', 'Business Failed', 'DATA_ILLEGAL', 'data 不是 JSON 字符串')
    }
    for (const [key, entry] of Object.entries(data)) {
      if (!/^keyword\d+$/.test(key) || typeof entry?.value !== 'string' || Array.from(entry.value).length > 50) {
        return fail(res, '40004', 'Business Failed', 'DATA_ILLEGAL', `${key} 不合法`)
      }
    }
    deliveries.push({
      to_user_id: biz.to_user_id,
      user_template_id: biz.user_template_id,
      ...(typeof biz.page === 'string' ? { page: biz.page } : {}),
      data: data as Record<string, { value: string }>,
    })
    return answer(res, { code: '10000', msg: 'Success' })
  })

  return {
    url: `${url}/gateway.do`,
    deliveries,
    calls,
    signAnswers: (mode) => {
      signing = mode
    },
    lastRequest: () => last,
    failFor: fault.failFor,
    failNext: fault.failNext,
    close: closer(server),
  }
}
