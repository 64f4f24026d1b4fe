/**
 * The real message providers that the configuration asks for (config.providers, read by
 * readProviderConfig). A channel left out is absent from the answer: its messages go to the
 * development outbox, which stays the default.
 */
import type { ServerConfig } from '../../config'
import type { Redis } from '../../redis'
import type { Channel, MessageProvider } from '../provider'
import { createAlipayTemplateProvider } from './alipay-template'
import { createAliyunSmsProvider } from './aliyun-sms'
import type { FetchLike } from './http'
import { createMemoryTokenStore, createRedisTokenStore, type TokenStore } from './token-store'
import { createWechatSubscribeProvider } from './wechat-subscribe'

export { createAlipayTemplateProvider } from './alipay-template'
export { createAliyunSmsProvider } from './aliyun-sms'
export { createMemoryTokenStore, createRedisTokenStore, type TokenStore } from './token-store'
export { createWechatSubscribeProvider } from './wechat-subscribe'

export interface ProviderDeps {
  /**
   * With Redis (REDIS_URL) the WeChat access token is shared by every instance and refreshed by
   * one at a time; without it each process keeps its own, which the stable-token API tolerates
   * (its normal mode hands every caller the same token).
   */
  redis?: Redis
  /** Accepted for callers that pass their database; the token needs no table (Redis or memory). */
  db?: unknown
  fetch?: FetchLike
}

export function createConfiguredProviders(config: Pick<ServerConfig, 'providers' | 'redis'>, deps: ProviderDeps = {}): Partial<Record<Channel, MessageProvider>> {
  const providers: Partial<Record<Channel, MessageProvider>> = {}
  const settings = config.providers ?? {}
  const fetchDep = deps.fetch !== undefined ? { fetch: deps.fetch } : {}
  if (settings.sms !== undefined) providers.sms = createAliyunSmsProvider(settings.sms, fetchDep)
  if (settings.wechat !== undefined) {
    const store: TokenStore =
      deps.redis !== undefined ? createRedisTokenStore(deps.redis, config.redis?.prefix ?? 'zhihui:') : createMemoryTokenStore()
    providers.wechat = createWechatSubscribeProvider(settings.wechat, { store, ...fetchDep })
  }
  if (settings.alipay !== undefined) providers.alipay = createAlipayTemplateProvider(settings.alipay, fetchDep)
  return providers
}
