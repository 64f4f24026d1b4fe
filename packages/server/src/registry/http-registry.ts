/**
 * A registry reached over HTTP (REGISTRY_URL), for an adapter in front of the real
 * social-security system. Protocol: POST {name, idNumber, cardNumber} as JSON; 200 with
 * {match: true, cardIssued, financialAccountActive, pensionMonths} or {match: false}.
 * Monthly states (payment runs): POST {monthly: [{idNumber, cardNumber, month}, …]} (at most
 * MONTHLY_BATCH a request) to the same URL; 200 with {states: [{cardActive,
 * financialAccountActive, pensionPaid}, …]}, one per query in the same order.
 */
import type { RegistryState } from '@zhihui/core'
import type { CardQuery, MonthlyQuery, Registry } from './registry'
import { RegistryUnavailableError } from './registry'

export const MONTHLY_BATCH = 1000

const isState = (value: unknown): value is RegistryState => {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.cardActive === 'boolean' && typeof v.financialAccountActive === 'boolean' && typeof v.pensionPaid === 'boolean'
}

interface MatchAnswer {
  match: boolean
  cardIssued?: unknown
  financialAccountActive?: unknown
  pensionMonths?: unknown
}

export function createHttpRegistry(url: string, timeoutMs = 5000): Registry {
  async function post(body: unknown): Promise<unknown> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok) throw new Error(`status ${response.status}`)
      return await response.json()
    } catch (error) {
      throw new RegistryUnavailableError(`registry request failed: ${(error as Error).message}`)
    }
  }

  return {
    async monthlyStates(queries: readonly MonthlyQuery[]) {
      const states: RegistryState[] = []
      for (let i = 0; i < queries.length; i += MONTHLY_BATCH) {
        const batch = queries.slice(i, i + MONTHLY_BATCH).map(({ idNumber, cardNumber, month }) => ({ idNumber, cardNumber, month }))
        const answer = (await post({ monthly: batch })) as { states?: unknown }
        const got = answer.states
        if (!Array.isArray(got) || got.length !== batch.length || !got.every(isState)) {
          throw new RegistryUnavailableError('registry answered monthly states that do not match the queries')
        }
        for (const state of got) {
          states.push({ cardActive: state.cardActive, financialAccountActive: state.financialAccountActive, pensionPaid: state.pensionPaid })
        }
      }
      return states
    },

    async verify(query: CardQuery) {
      const answer = (await post(query)) as MatchAnswer
      if (answer.match !== true) return null
      const { cardIssued, financialAccountActive, pensionMonths } = answer
      if (typeof cardIssued !== 'boolean' || typeof financialAccountActive !== 'boolean' || !Number.isInteger(pensionMonths)) {
        throw new RegistryUnavailableError('registry answered an entry without the card state')
      }
      return { ...query, cardIssued, financialAccountActive, pensionMonths: pensionMonths as number }
    },
  }
}
