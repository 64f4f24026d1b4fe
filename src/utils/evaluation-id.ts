/**
 * The eligibility check reads the applicant's age from an ID number, but the app never keeps the
 * real one after the card is bound (PIPL art. 28: sensitive, collect no more than needed). It keeps
 * the birth date instead and builds from it a stand-in number that carries only that date
 * (Zhengzhou's region code, sequence 000, core's own check character). The stand-in is used for
 * the local report only and is never sent or shown.
 */
import { idNumberCheckChar } from '@zhihui/core'

const ZHENGZHOU_REGION = '410100'

export function evaluationIdNumber(birthDate: string): string {
  const first17 = `${ZHENGZHOU_REGION}${birthDate.replace(/-/g, '')}000`
  return `${first17}${idNumberCheckChar(first17)}`
}
