/** Filtering the directories by district and by words typed in the search box. */
import type { District, SocialInsuranceBranch, TalentWindow } from '@zhihui/core'
import { useMemo, useState } from 'react'
import type { OfficesResponse } from '@/services/types'

/** Full-width brackets and digits typed on a phone match the half-width ones of the directory. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

function matches(fields: string[], terms: string[]): boolean {
  const haystack = fold(fields.join('\n'))
  return terms.every((term) => haystack.includes(term))
}

export function filterOffices(
  data: OfficesResponse,
  district: District | '',
  query: string,
): { talentWindows: TalentWindow[]; socialInsuranceBranches: SocialInsuranceBranch[] } {
  const terms = fold(query).split(/\s+/).filter(Boolean)
  return {
    talentWindows: data.talentWindows.filter(
      (w) => (!district || w.district === district) && matches([w.unit, w.district, w.address], terms),
    ),
    socialInsuranceBranches: data.socialInsuranceBranches.filter(
      (b) => (!district || b.district === district) && matches([b.name, b.district, ...b.addresses], terms),
    ),
  }
}

export function useDirectoryFilter(data: OfficesResponse | undefined) {
  const [district, setDistrict] = useState<District | ''>('')
  const [query, setQuery] = useState('')
  const result = useMemo(
    () => (data ? filterOffices(data, district, query) : { talentWindows: [], socialInsuranceBranches: [] }),
    [data, district, query],
  )
  return { district, setDistrict, query, setQuery, result }
}
