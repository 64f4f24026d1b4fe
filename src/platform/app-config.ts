/**
 * The app.json keys that differ by platform, read by app.config.ts at build time.
 * - WeChat: `__usePrivacyCheck__` turns on the privacy APIs (onNeedPrivacyAuthorization and the
 *   agreePrivacyAuthorization button) on base libraries that still need the switch.
 * - Alipay: `usePrivacyCheck` turns on Alipay's privacy check, so privacy APIs wait for consent to
 *   the privacy policy configured in the Alipay console (its official pop-up asks for it).
 */
export function platformAppConfig(): Record<string, unknown> {
  if (process.env.TARO_ENV === 'weapp') return { __usePrivacyCheck__: true }
  if (process.env.TARO_ENV === 'alipay') return { usePrivacyCheck: true }
  return {}
}
