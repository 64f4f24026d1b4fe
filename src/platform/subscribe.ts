/**
 * After submitting, ask to be told of status changes (SMS is sent regardless).
 * - WeChat: requestSubscribeMessage with at most 3 one-time templates; it must run inside a tap.
 * - Alipay: my.requestSubscribeMessage with the template ids of the Alipay console.
 * - H5: nothing to subscribe to.
 */
import Taro from '@tarojs/taro'

export type SubscribeOutcome = 'accepted' | 'declined' | 'unavailable'

interface MySubscribeApi {
  requestSubscribeMessage?: (o: {
    entityIds: string[]
    success: (r: Record<string, unknown>) => void
    fail: (e: unknown) => void
  }) => void
}
declare const my: MySubscribeApi | undefined

function templateIds(list: string | undefined, max: number): string[] {
  return (list ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, max)
}

/** The template ids the subscription request asks for on this platform (the server records the answer for them). */
export function statusTemplateIds(): string[] {
  if (process.env.TARO_ENV === 'weapp') return templateIds(process.env.TARO_APP_WEAPP_SUBSCRIBE_TEMPLATES, 3)
  if (process.env.TARO_ENV === 'alipay') return templateIds(process.env.TARO_APP_ALIPAY_SUBSCRIBE_TEMPLATES, 3)
  return []
}

export function canSubscribe(): boolean {
  if (process.env.TARO_ENV === 'weapp') return templateIds(process.env.TARO_APP_WEAPP_SUBSCRIBE_TEMPLATES, 3).length > 0
  if (process.env.TARO_ENV === 'alipay') return templateIds(process.env.TARO_APP_ALIPAY_SUBSCRIBE_TEMPLATES, 3).length > 0
  return false
}

export async function requestStatusSubscriptions(): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV === 'weapp') {
    const tmplIds = templateIds(process.env.TARO_APP_WEAPP_SUBSCRIBE_TEMPLATES, 3)
    if (tmplIds.length === 0) return 'unavailable'
    try {
      const result = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, unknown>
      return tmplIds.some((id) => result[id] === 'accept') ? 'accepted' : 'declined'
    } catch {
      return 'declined'
    }
  }
  if (process.env.TARO_ENV === 'alipay') {
    const entityIds = templateIds(process.env.TARO_APP_ALIPAY_SUBSCRIBE_TEMPLATES, 3)
    const api = typeof my === 'undefined' ? undefined : my
    if (entityIds.length === 0 || !api?.requestSubscribeMessage) return 'unavailable'
    return new Promise((resolve) => {
      api.requestSubscribeMessage?.({
        entityIds,
        success: (r) => resolve(entityIds.some((id) => JSON.stringify(r[id] ?? '').includes('accept')) ? 'accepted' : 'declined'),
        fail: () => resolve('declined'),
      })
    })
  }
  return 'unavailable'
}
