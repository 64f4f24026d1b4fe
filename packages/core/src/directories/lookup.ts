/**
 * Filtering and search for the directory pages (design.md, journey step 9: "searchable by
 * district"). Results keep the seed's order, which the pages show as is.
 */
import type { District, SocialInsuranceBranch, TalentWindow } from '../types'
import { SOCIAL_INSURANCE_BRANCHES } from './social-insurance-branches'
import { TALENT_WINDOWS } from './talent-windows'

/** The talent windows located in `district`; for 中原区 that includes the city bureau's window. */
export function talentWindowsIn(district: District): TalentWindow[] {
  return TALENT_WINDOWS.filter((window) => window.district === district)
}

/** The social-insurance branch halls of `district` (one each in the seed). */
export function branchesIn(district: District): SocialInsuranceBranch[] {
  return SOCIAL_INSURANCE_BRANCHES.filter((branch) => branch.district === district)
}

export interface OfficeSearchResult {
  talentWindows: TalentWindow[]
  socialInsuranceBranches: SocialInsuranceBranch[]
}

/**
 * Folds what a phone keyboard may type into what the seed prints: NFKC turns full-width
 * brackets, commas, digits and letters ("（", "，", "Ｂ") into the half-width ones the seed uses,
 * and case is ignored for the few Latin letters (B座, C01).
 */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

function matchesAll(fields: readonly string[], terms: readonly string[]): boolean {
  const haystack = fold(fields.join('\n'))
  return terms.every((term) => haystack.includes(term))
}

/**
 * Windows and branches whose unit or branch name, district or address contains every
 * whitespace-separated term of `query` (e.g. "高新", "金水 政务服务中心", "（一楼"). An empty or
 * blank query returns everything.
 */
export function searchOffices(query: string): OfficeSearchResult {
  const terms = fold(query).split(/\s+/).filter((term) => term.length > 0)
  return {
    talentWindows: TALENT_WINDOWS.filter((w) => matchesAll([w.unit, w.district, w.address], terms)),
    socialInsuranceBranches: SOCIAL_INSURANCE_BRANCHES.filter((b) =>
      matchesAll([b.name, b.district, ...b.addresses], terms),
    ),
  }
}
