/**
 * The 学信网 (CHSI) check of an online verification code (学籍在线验证报告的在线验证码), as an
 * adapter: the product asks "is there a report with this code, and whose", and an implementation
 * answers from wherever it can. 学信网 offers its report check to people on a web page
 * (CHSI_REPORT_CHECK_URL); an automatic check needs an agreement with 学信网, so the production
 * default answers `unchecked` and reviewers follow the link. Development uses a fixed list of
 * demo codes (dev-chsi-verifier.ts).
 */
export type ChsiVerification =
  | { result: 'valid'; report: { name: string; school?: string; education?: string } }
  | { result: 'not-found' }
  /** No automatic check is configured: a person checks on 学信网's page. */
  | { result: 'unchecked' }

export interface ChsiVerifier {
  /** `code` is already of the right form (core's parseChsiVerificationCode). Throws when 学信网 cannot be reached. */
  verify(code: string): Promise<ChsiVerification>
}

/** The production default until an automatic check is agreed with 学信网. */
export const MANUAL_CHSI_VERIFIER: ChsiVerifier = {
  verify: async () => ({ result: 'unchecked' }),
}
