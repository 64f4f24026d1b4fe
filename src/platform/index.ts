/**
 * What differs between WeChat, Alipay and H5, behind one interface. Everything else in src/ is
 * the same on every platform.
 */
export { PLATFORM, PLATFORM_LABEL } from './env'
export { API_BASE } from './api-base'
export { platformLoginCode, type LoginCode } from './login'
export {
  installPrivacyListener,
  ensurePrivacyAuthorized,
  pendingPrivacyContractName,
  openPrivacyContract,
  agreePrivacy,
  declinePrivacy,
  usePrivacyPromptStore,
} from './privacy'
export { choosePhoto, type ChosenPhoto } from './photo'
export { PHOTO_MAX_BYTES, PHOTO_MAX_EDGE } from './photo-limits'
export { requestStatusSubscriptions, canSubscribe, statusTemplateIds, type SubscribeOutcome } from './subscribe'
export { callPhone, copyText } from './contact'
export { TitleBar } from './title-bar'
