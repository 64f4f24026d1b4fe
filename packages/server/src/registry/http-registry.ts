/**
 * A registry reached over HTTP (REGISTRY_URL), for an adapter in front of the real
 * social-security system. Protocol: POST {name, idNumber, cardNumber} as JSON; 200 with
 * {match: true, cardIssued, financialAccountActive, pensionMonths} or {match: false}.
 */
import type { CardQuery, Registry } from './registry'
import { RegistryUnavailableError } from './registry'

interface MatchAnswer {
  match: boolean
  cardIssued?: unknown
  financialAccountActive?: unknown
  pensionMonths?: unknown
}

export function createHttpRegistry(url: string, timeoutMs = 5000): Registry {
  return {
    async verify(query: CardQuery) {
      let answer: MatchAnswer
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(query),
          signal: AbortSignal.timeout(timeoutMs),
        })
        if (!response.ok) throw new Error(`status ${response.status}`)
        answer = (await response.json()) as MatchAnswer
      } catch (error) {
        throw new RegistryUnavailableError(`registry request failed: ${(error as Error).message}`)
      }
      if (answer.match !== true) return null
      const { cardIssued, financialAccountActive, pensionMonths } = answer
      if (typeof cardIssued !== 'boolean' || typeof financialAccountActive !== 'boolean' || !Number.isInteger(pensionMonths)) {
        throw new RegistryUnavailableError('registry answered an entry without the card state')
      }
      return { ...query, cardIssued, financialAccountActive, pensionMonths: pensionMonths as number }
    },
  }
}
