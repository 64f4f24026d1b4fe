/**
 * One step of paying, shared by a payment run (a page of applications at a time) and by the start
 * of paying (POST /review/payments): ask the registry once for every person and month due, then
 * let core decide each month. Nothing here writes; the callers write what it returns in their
 * transaction, so a registry that fails leaves nothing written.
 */
import { candidateMonths, decideMonths, ledgerSummary, type Entitlement, type PaymentLine, type RegistryState } from '@zhihui/core'
import { RegistryUnavailableError, type MonthlyQuery, type Registry } from '../../registry'

export interface Candidate {
  applicationId: string
  entitlement: Entitlement
  ledger: readonly PaymentLine[]
  /** Decrypted only when a month is due (ID and card numbers are the registry's question). */
  card: () => { idNumber: string; cardNumber: string }
}

export interface Decision {
  applicationId: string
  entitlement: Entitlement
  /** The new lines, in month order (empty when nothing was due). */
  lines: PaymentLine[]
  /** Every month decided, the new lines included: the application is paid off. */
  finished: boolean
}

export async function decideAll(registry: Registry, candidates: readonly Candidate[], upToMonth: string): Promise<Decision[]> {
  const queries: MonthlyQuery[] = []
  const wanted = candidates.map((candidate) => {
    const months = candidateMonths(candidate.entitlement, candidate.ledger, upToMonth)
    const start = queries.length
    if (months.length > 0) {
      const { idNumber, cardNumber } = candidate.card()
      for (const month of months) queries.push({ idNumber, cardNumber, month })
    }
    return { start, months }
  })
  const states = queries.length === 0 ? [] : await registry.monthlyStates(queries)
  if (states.length !== queries.length) throw new RegistryUnavailableError('registry answered fewer monthly states than asked')
  return candidates.map((candidate, i) => {
    const { start, months } = wanted[i] as { start: number; months: string[] }
    const byMonth = new Map<string, RegistryState>(months.map((month, k) => [month, states[start + k] as RegistryState]))
    const lines = decideMonths(candidate.entitlement, candidate.ledger, upToMonth, (month) => {
      const state = byMonth.get(month)
      // candidateMonths names every month decideMonths may ask about; anything else is a bug.
      if (state === undefined) throw new Error(`no registry state asked for ${month}`)
      return state
    })
    const finished = ledgerSummary(candidate.entitlement, [...candidate.ledger, ...lines]).finished
    return { applicationId: candidate.applicationId, entitlement: candidate.entitlement, lines, finished }
  })
}
