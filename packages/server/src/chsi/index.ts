/**
 * 学信网 online verification codes on the server: which verifier runs, and what a reviewer or a
 * clerk is shown of an application's code (`chsiCheckOf`: the code, the link to 学信网's
 * report-check page, and the verifier's answer). The link is core's CHSI_REPORT_CHECK_URL, the
 * one place it is written.
 */
import { CHSI_REPORT_CHECK_URL, type ApplicationDetails, type ChsiCheck } from '@zhihui/core'
import { MANUAL_CHSI_VERIFIER, type ChsiVerifier } from './chsi-verifier'
import { createDevChsiVerifier } from './dev-chsi-verifier'

export type { ChsiVerification, ChsiVerifier } from './chsi-verifier'
export { MANUAL_CHSI_VERIFIER } from './chsi-verifier'
export { createDevChsiVerifier, DEMO_CHSI_REPORTS } from './dev-chsi-verifier'

/** Development: the demo codes; production: no automatic check (reviewers follow the link). */
export const defaultChsiVerifier = (options: { production: boolean }): ChsiVerifier =>
  options.production ? MANUAL_CHSI_VERIFIER : createDevChsiVerifier()

/**
 * What to show of the application's 学信网 code, or null when none was given. Never throws: a
 * verifier that cannot be reached gives `unavailable`, and the link still works.
 */
export async function chsiCheckOf(
  verifier: ChsiVerifier,
  details: Pick<ApplicationDetails, 'chsiVerificationCode'> | null,
  now: () => Date,
): Promise<ChsiCheck | null> {
  const code = details?.chsiVerificationCode
  if (code === undefined || code === '') return null
  const base = { code, verifyUrl: CHSI_REPORT_CHECK_URL }
  try {
    const answer = await verifier.verify(code)
    return { ...base, ...answer, ...(answer.result === 'unchecked' ? {} : { checkedAt: now().toISOString() }) }
  } catch {
    return { ...base, result: 'unavailable' }
  }
}
