/**
 * WeChat mini-program login: the code from `wx.login` is exchanged for the user's openid at
 * `/sns/jscode2session` (auth.code2Session). The base URL is configurable so tests can point it
 * at a fake server on 127.0.0.1.
 */
import { AppError } from '../errors'

export interface WechatConfig {
  appId: string
  secret: string
  apiBase: string
}

interface Code2SessionAnswer {
  openid?: string
  unionid?: string
  errcode?: number
  errmsg?: string
}

export async function wechatCode2Session(config: WechatConfig, code: string): Promise<string> {
  const url = new URL('/sns/jscode2session', config.apiBase)
  url.search = new URLSearchParams({
    appid: config.appId,
    secret: config.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString()
  let answer: Code2SessionAnswer
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
    answer = (await response.json()) as Code2SessionAnswer
  } catch {
    throw new AppError(502, 'UPSTREAM_UNAVAILABLE', '微信登录服务暂时无法访问，请稍后再试。')
  }
  if (typeof answer.openid !== 'string' || answer.openid === '' || (answer.errcode ?? 0) !== 0) {
    // 40029 invalid code, 40163 code used, 45011 too frequent: all mean "log in again".
    throw new AppError(401, 'LOGIN_CODE_INVALID', '微信登录凭证无效或已过期，请重新进入小程序后再试。')
  }
  return answer.openid
}
