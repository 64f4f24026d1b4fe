/** Which client this build is. The only other place that reads TARO_ENV is the rest of src/platform/. */
import type { Platform } from '@/services/types'

export const PLATFORM: Platform =
  process.env.TARO_ENV === 'weapp' ? 'weapp' : process.env.TARO_ENV === 'alipay' ? 'alipay' : 'h5'

export const PLATFORM_LABEL: Record<Platform, string> = {
  weapp: '微信',
  alipay: '支付宝',
  h5: '网页',
}
