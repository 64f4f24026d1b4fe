/**
 * WeChat mini-program subscription messages (subscribeMessage.send), with the stable access
 * token shared by every instance.
 *
 * Documentation followed:
 * - "subscribeMessage.send" (发送订阅消息),
 *   https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *   (same table at https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/subscribe-message/subscribeMessage.send.html):
 *   POST https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=ACCESS_TOKEN, JSON
 *   body {touser, template_id, page, data: {key: {value}}, miniprogram_state, lang}; errcode 43101
 *   "用户拒绝接受消息，如果用户之前曾经订阅过，则表示用户取消了订阅关系", 47003 bad template
 *   parameter, 40003 bad openid, 40037 bad template id, 41030 bad page. The same page's
 *   "订阅消息参数值内容限制说明" limits the values by the key's type: thing 20 characters,
 *   character_string / number / letter 32, phrase and symbol 5, phone_number 17, car_number 8,
 *   name 10 (Chinese) or 20 (letters). Longer values are refused with 47003, so values are cut here.
 * - "获取稳定版接口调用凭据" (getStableAccessToken),
 *   https://developers.weixin.qq.com/doc/service/api/base/api_getstableaccesstoken —
 *   POST https://api.weixin.qq.com/cgi-bin/stable_token {grant_type: 'client_credential', appid,
 *   secret, force_refresh} → {access_token, expires_in}. "普通模式下平台会提前 5 分钟更新
 *   access_token" and old and new stay valid together for those 5 minutes (so a token is used until
 *   5 minutes before it expires); "强制刷新模式每天限用 20 次且需间隔 30 秒" and it invalidates the
 *   previous token (so it is used only when the normal mode hands back the token WeChat just
 *   refused).
 * - WeChat global return codes (全局返回码): -1 system busy (retry), 40001 invalid credential,
 *   42001 access_token expired, 45009 API quota reached.
 *
 * Not idempotent: the API takes no idempotency key and answers a repeat with a second message.
 */
import { ProviderError, type MessageKind, type MessageProvider, type SendResult } from '../provider'
import { call, cut, parseJson, type FetchLike } from './http'
import type { TokenStore } from './token-store'

export interface WechatTemplate {
  /** The subscription template's id (模板 ID) from the mini-program console. */
  templateId: string
  /** Which message parameter fills which template key: { applicationNo: 'character_string1', status: 'thing2' }. */
  fields: Record<string, string>
}

export interface WechatSubscribeConfig {
  appId: string
  secret: string
  /** https://api.weixin.qq.com by default; a local fake in tests. */
  apiBase: string
  templates: Partial<Record<MessageKind, WechatTemplate>>
  /** formal (default), trial or developer: which build of the mini-program the card opens. */
  miniprogramState: 'formal' | 'trial' | 'developer'
}

export interface WechatSubscribeDeps {
  store: TokenStore
  fetch?: FetchLike
  now?: () => number
  timeoutMs?: number
  /** How long an instance waits for another one's refresh before giving up (retryable). */
  lockWaitMs?: number
}

const NAME = 'wechat-subscribe'
const REFRESH_MARGIN_MS = 5 * 60_000
const LOCK_MS = 10_000

/** The documented limit of a value by its key's type (the key is type + number: thing3, character_string12). */
function limitOf(key: string, value: string): { max: number; ellipsis: boolean } | undefined {
  const type = key.replace(/\d+$/, '')
  switch (type) {
    case 'thing':
      return { max: 20, ellipsis: true }
    case 'character_string':
    case 'number':
    case 'letter':
      return { max: 32, ellipsis: false }
    case 'phrase':
    case 'symbol':
      return { max: 5, ellipsis: false }
    case 'phone_number':
      return { max: 17, ellipsis: false }
    case 'car_number':
      return { max: 8, ellipsis: false }
    case 'name':
      // "10个以内纯汉字或20个以内纯字母或符号；中文和字母混合按中文名算"
      return { max: /^[\x20-\x7e]*$/.test(value) ? 20 : 10, ellipsis: false }
    default:
      return undefined
  }
}

export function subscriptionData(template: WechatTemplate, params: Record<string, string>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const [param, key] of Object.entries(template.fields)) {
    const value = params[param]
    if (value === undefined) {
      throw new ProviderError(`${NAME}: the message has no “${param}” for template key ${key}`, false, 'PARAM_MISSING')
    }
    const limit = limitOf(key, value)
    data[key] = { value: limit === undefined ? value : cut(value, limit.max, limit.ellipsis) }
  }
  return data
}

interface WechatAnswer {
  errcode?: number
  errmsg?: string
  msgid?: number | string
  access_token?: string
  expires_in?: number
}

/** The stable access token, cached in the shared store until 5 minutes before it expires. */
export function createStableTokenSource(config: Pick<WechatSubscribeConfig, 'appId' | 'secret' | 'apiBase'>, deps: WechatSubscribeDeps) {
  const fetchImpl = deps.fetch ?? fetch
  const now = deps.now ?? Date.now
  const key = `wechat:stable-token:${config.appId}`
  const lockWaitMs = deps.lockWaitMs ?? LOCK_MS

  const fresh = (stored: { expiresAt: number } | undefined) => stored !== undefined && stored.expiresAt - REFRESH_MARGIN_MS > now()

  async function fetchToken(forceRefresh: boolean): Promise<{ token: string; expiresAt: number }> {
    const answer = await call(
      fetchImpl,
      NAME,
      new URL('/cgi-bin/stable_token', config.apiBase),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: config.appId, secret: config.secret, force_refresh: forceRefresh }),
      },
      deps.timeoutMs,
    )
    const body = parseJson<WechatAnswer>(NAME, answer)
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      const code = body.errcode ?? answer.status
      // -1 busy, 45009 quota: later. 40013 bad appid, 40125 bad secret, 40164 IP not whitelisted...: a person must act.
      throw new ProviderError(`${NAME}: stable_token refused (${code} ${body.errmsg ?? ''})`, code === -1 || code === 45009 || answer.status >= 500, String(code))
    }
    return { token: body.access_token, expiresAt: now() + body.expires_in * 1000 }
  }

  async function save(value: { token: string; expiresAt: number }) {
    // Kept until 5 minutes before expiry; a token handed out in its last 5 minutes (expires_in ≥ 300
    // per the docs) is kept briefly, after which the normal mode hands out its successor.
    const keepMs = Math.max(value.expiresAt - REFRESH_MARGIN_MS - now(), 1_000)
    await deps.store.set(key, value, keepMs)
  }

  /**
   * A usable token: the shared one, or a new one fetched by whichever instance takes the lock
   * first while the others wait and read it. `refused`: the token WeChat just rejected (40001/42001).
   */
  async function get(refused?: string): Promise<string> {
    const deadline = now() + lockWaitMs
    for (;;) {
      const stored = await deps.store.get(key)
      if (stored !== undefined && stored.token !== refused && fresh(stored)) return stored.token
      const release = await deps.store.lock(key, LOCK_MS)
      if (release !== undefined) {
        try {
          // Someone may have refreshed between our read and our lock.
          const again = await deps.store.get(key)
          if (again !== undefined && again.token !== refused && fresh(again)) return again.token
          let next = await fetchToken(false)
          // The normal mode hands back the very token WeChat refused: only a forced refresh replaces it.
          if (next.token === refused) next = await fetchToken(true)
          await save(next)
          return next.token
        } finally {
          await release()
        }
      }
      if (now() > deadline) throw new ProviderError(`${NAME}: another instance is refreshing the access token; try again`, true, 'TOKEN_LOCKED')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  return {
    get,
    /** Forgets a token WeChat refused, unless another instance already replaced it. */
    async drop(token: string) {
      await deps.store.dropIf(key, token)
    },
  }
}

export function createWechatSubscribeProvider(config: WechatSubscribeConfig, deps: WechatSubscribeDeps): MessageProvider {
  const fetchImpl = deps.fetch ?? fetch
  const tokens = createStableTokenSource(config, deps)

  async function post(token: string, body: string): Promise<{ status: number; answer: WechatAnswer }> {
    const url = new URL('/cgi-bin/message/subscribe/send', config.apiBase)
    url.searchParams.set('access_token', token)
    const answer = await call(fetchImpl, NAME, url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, deps.timeoutMs)
    return { status: answer.status, answer: parseJson<WechatAnswer>(NAME, answer) }
  }

  return {
    channel: 'wechat',
    name: NAME,
    idempotent: false,
    async send(message): Promise<SendResult> {
      const template = config.templates[message.kind]
      if (template === undefined) {
        throw new ProviderError(`${NAME}: no subscription template configured for “${message.kind}” (WECHAT_SUBSCRIBE_TEMPLATES)`, false, 'TEMPLATE_NOT_CONFIGURED')
      }
      const body = JSON.stringify({
        touser: message.recipient,
        template_id: template.templateId,
        ...(message.page !== undefined ? { page: message.page } : {}),
        data: subscriptionData(template, message.params),
        miniprogram_state: config.miniprogramState,
        lang: 'zh_CN',
      })
      let token = await tokens.get()
      let { status, answer } = await post(token, body)
      if (answer.errcode === 40001 || answer.errcode === 42001) {
        // Refused token (expired, or replaced by a forced refresh elsewhere): refresh once, send once more.
        await tokens.drop(token)
        token = await tokens.get(token)
        ;({ status, answer } = await post(token, body))
      }
      const code = answer.errcode ?? (status >= 400 ? status : 0)
      if (code === 0) return answer.msgid !== undefined ? { providerMessageId: String(answer.msgid) } : {}
      const retryable = code === -1 || code === 45009 || code === 40001 || code === 42001 || status >= 500
      throw new ProviderError(`${NAME}: errcode ${code} (${answer.errmsg ?? ''})`, retryable, String(code))
    },
  }
}
