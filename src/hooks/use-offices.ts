/**
 * The directories. The server's list is the current one; when it cannot be reached the copy
 * bundled with core (transcribed from the notice) is shown, so the phone numbers are never out
 * of reach.
 */
import { SOCIAL_INSURANCE_BRANCHES, TALENT_WINDOWS } from '@zhihui/core'
import { useEffect, useState } from 'react'
import { fetchOffices } from '@/services/offices'
import type { OfficesResponse } from '@/services/types'

export type OfficesState =
  | { kind: 'loading' }
  | { kind: 'ready'; data: OfficesResponse; source: 'server' | 'bundled' }

export function useOffices(): OfficesState {
  const [state, setState] = useState<OfficesState>({ kind: 'loading' })
  useEffect(() => {
    let alive = true
    fetchOffices()
      .then((data) => {
        if (alive) setState({ kind: 'ready', data, source: 'server' })
      })
      .catch(() => {
        if (alive) {
          setState({
            kind: 'ready',
            data: { talentWindows: [...TALENT_WINDOWS], socialInsuranceBranches: [...SOCIAL_INSURANCE_BRANCHES] },
            source: 'bundled',
          })
        }
      })
    return () => {
      alive = false
    }
  }, [])
  return state
}
