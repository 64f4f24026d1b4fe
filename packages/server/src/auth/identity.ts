/**
 * Turns a platform's login code into a platform user id. WeChat and Alipay codes go to the real
 * services when their keys are configured. In development, h5 codes (and weapp / alipay codes
 * while their keys are missing) are identities themselves, namespaced by platform, so tests and
 * demos can act as several applicants. Production never accepts such codes.
 */
import type { Clock } from '../clock'
import type { ServerConfig } from '../config'
import { AppError, notFound } from '../errors'
import { alipayOauthToken, alipayPrivateKey, type AlipayConfig } from './alipay'
import { wechatCode2Session, type WechatConfig } from './wechat'

export const PLATFORMS = ['weapp', 'alipay', 'h5'] as const
export type Platform = (typeof PLATFORMS)[number]

export interface IdentityProvider {
  exchange(platform: Platform, code: string): Promise<string>
  /** For the start banner and the README: which platforms use real clients. */
  describe(): Record<Platform, 'real' | 'development' | 'off'>
}

const notConfigured = (name: string) =>
  new AppError(503, 'PLATFORM_NOT_CONFIGURED', `${name}登录暂未开通，请使用其他方式登录或稍后再试。`)

export function createIdentityProvider(config: ServerConfig, clock: Clock): IdentityProvider {
  const { appId: wxAppId, secret } = config.wechat
  const wechat: WechatConfig | undefined =
    wxAppId !== undefined && secret !== undefined ? { appId: wxAppId, secret, apiBase: config.wechat.apiBase } : undefined
  const { appId: aliAppId, privateKey, publicKey } = config.alipay
  const alipay: AlipayConfig | undefined =
    aliAppId !== undefined && privateKey !== undefined
      ? { appId: aliAppId, privateKey, gateway: config.alipay.gateway, ...(publicKey !== undefined ? { publicKey } : {}) }
      : undefined
  // Parse the key now: a broken key should stop the start, not the first Alipay login.
  if (alipay !== undefined) alipayPrivateKey(alipay.privateKey)
  const dev = !config.production

  return {
    async exchange(platform, code) {
      if (platform === 'weapp') {
        if (wechat !== undefined) return wechatCode2Session(wechat, code)
        if (dev) return `dev:${code}`
        throw notConfigured('微信')
      }
      if (platform === 'alipay') {
        if (alipay !== undefined) return alipayOauthToken(alipay, code, clock.now())
        if (dev) return `dev:${code}`
        throw notConfigured('支付宝')
      }
      // h5 development identities do not exist in production: answer as for an unknown route.
      if (!dev) throw notFound()
      return code
    },
    describe() {
      return {
        weapp: wechat !== undefined ? 'real' : dev ? 'development' : 'off',
        alipay: alipay !== undefined ? 'real' : dev ? 'development' : 'off',
        h5: dev ? 'development' : 'off',
      }
    },
  }
}
