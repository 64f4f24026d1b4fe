/** Calling an office and copying its address, with the feedback each platform lacks. */
import Taro from '@tarojs/taro'

/** Phone numbers are printed as '0371-67184567'; the dialler wants digits only. */
export function dialable(phone: string): string {
  return phone.replace(/[^\d+]/g, '')
}

export async function callPhone(phone: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber: dialable(phone) })
  } catch {
    // Cancelled in the system sheet, or a device that cannot call: the number stays on screen.
  }
}

export async function copyText(text: string, what = '内容'): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text })
    // WeChat and H5 show their own "内容已复制" toast; Alipay shows none.
    if (process.env.TARO_ENV === 'alipay') await Taro.showToast({ title: `${what}已复制`, icon: 'none' })
  } catch {
    await Taro.showToast({ title: '复制失败，请长按文字手动复制', icon: 'none' })
  }
}
