/**
 * The one-time code POST /sessions exchanges for a token.
 * - WeChat: Taro.login's code (the server trades it for the openid).
 * - Alipay: an auth code with scope auth_base (Taro.login maps to my.getAuthCode), silent.
 * - H5: there is no platform identity; a random code kept in storage stands in for one, so the
 *   same browser is the same applicant in development (the server accepts it only there).
 */
import Taro from '@tarojs/taro'
import type { Platform } from '@/services/types'
import { STORAGE_KEYS } from '@/stores/taro-storage'
import { PLATFORM } from './env'

export interface LoginCode {
  platform: Platform
  code: string
}

export async function platformLoginCode(): Promise<LoginCode> {
  if (process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay') {
    const { code } = await Taro.login()
    if (!code) throw new Error('login returned no code')
    return { platform: PLATFORM, code }
  }
  return { platform: 'h5', code: h5DevCode() }
}

function h5DevCode(): string {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEYS.devCode)
  if (typeof stored === 'string' && stored) return stored
  const code = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  Taro.setStorageSync(STORAGE_KEYS.devCode, code)
  return code
}
