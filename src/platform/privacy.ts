/**
 * Platform privacy authorisation, before anything personal is collected (the card binding form,
 * the photo picker).
 * - WeChat: privacy APIs call onNeedPrivacyAuthorization when the user has not yet agreed to the
 *   mini-program's privacy guideline; we then show <PrivacyPrompt>, whose
 *   `<Button openType="agreePrivacyAuthorization">` reports the agreement back. requirePrivacyAuthorize
 *   asks up front, before the form is shown.
 * - Alipay: with `usePrivacyCheck` the platform shows its own pop-up when a privacy API is first
 *   used; getPrivacySetting tells whether that will happen and the name of the policy, and
 *   openPrivacyContract shows it.
 * - H5: no platform layer; the consent on the page is the whole of it.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'

type Resolver = (result: { event: 'agree'; buttonId: string } | { event: 'disagree' }) => void

interface PrivacyPromptState {
  /** A privacy API is waiting for the applicant's answer in <PrivacyPrompt>. */
  pending: boolean
  resolver?: Resolver
}

export const usePrivacyPromptStore = create<PrivacyPromptState>()(() => ({ pending: false }))

interface MyPrivacyApi {
  getPrivacySetting?: (o: { success: (r: { needAuthorization: boolean; privacyContractName?: string }) => void; fail: () => void }) => void
  openPrivacyContract?: (o: { success?: () => void; fail?: () => void }) => void
}
declare const my: MyPrivacyApi | undefined

let listening = false

/** Registers the WeChat listener once, at launch. */
export function installPrivacyListener(): void {
  if (process.env.TARO_ENV === 'weapp') {
    if (listening || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    listening = true
    Taro.onNeedPrivacyAuthorization((resolve) => {
      usePrivacyPromptStore.setState({ pending: true, resolver: resolve as Resolver })
    })
  }
}

/** The applicant tapped the agree button of <PrivacyPrompt>. */
export function agreePrivacy(buttonId: string): void {
  const { resolver } = usePrivacyPromptStore.getState()
  usePrivacyPromptStore.setState({ pending: false, resolver: undefined })
  resolver?.({ event: 'agree', buttonId })
}

export function declinePrivacy(): void {
  const { resolver } = usePrivacyPromptStore.getState()
  usePrivacyPromptStore.setState({ pending: false, resolver: undefined })
  resolver?.({ event: 'disagree' })
}

/**
 * Resolves true when the platform's privacy agreement is in place (or the platform has none),
 * false when the applicant declined.
 */
export async function ensurePrivacyAuthorized(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof Taro.requirePrivacyAuthorize !== 'function') return true
    return new Promise<boolean>((resolve) => {
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    })
  }
  return true
}

/** The name of the platform privacy policy, when the platform knows one and it still needs agreeing to. */
export async function pendingPrivacyContractName(): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof Taro.getPrivacySetting !== 'function') return undefined
    return new Promise((resolve) => {
      Taro.getPrivacySetting({
        success: (r) => resolve(r.needAuthorization ? r.privacyContractName : undefined),
        fail: () => resolve(undefined),
      })
    })
  }
  if (process.env.TARO_ENV === 'alipay') {
    const api = typeof my === 'undefined' ? undefined : my
    if (!api?.getPrivacySetting) return undefined
    return new Promise((resolve) => {
      api.getPrivacySetting?.({
        success: (r) => resolve(r.needAuthorization ? r.privacyContractName : undefined),
        fail: () => resolve(undefined),
      })
    })
  }
  return undefined
}

/** Opens the platform's privacy policy page; false where there is none (H5). */
export function openPrivacyContract(): boolean {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof Taro.openPrivacyContract !== 'function') return false
    Taro.openPrivacyContract({})
    return true
  }
  if (process.env.TARO_ENV === 'alipay') {
    const api = typeof my === 'undefined' ? undefined : my
    if (!api?.openPrivacyContract) return false
    api.openPrivacyContract({})
    return true
  }
  return false
}
