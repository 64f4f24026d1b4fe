/**
 * The social-security registry. The card binding asks whether name, ID number and card number
 * belong to one entry, and gets the card's state, which the eligibility rules need; a payment run
 * asks, for each person and month it pays, whether the conditions held that month (core's
 * RegistryState: card in use, financial account active, that month's pension paid in Zhengzhou).
 */
import type { RegistryState } from '@zhihui/core'

export type { RegistryState } from '@zhihui/core'

export interface RegistryEntry {
  name: string
  idNumber: string
  cardNumber: string
  cardIssued: boolean
  financialAccountActive: boolean
  /** Consecutive months of pension paid on time in Zhengzhou, back-payments excluded. */
  pensionMonths: number
  /**
   * Months ('YYYY-MM') in which the monthly state differed from the card's state above, e.g.
   * `{'2026-09': {pensionPaid: false}}`. A file or demo registry has no history otherwise: every
   * other month is read from cardIssued, financialAccountActive and pensionMonths > 0.
   */
  lapses?: Readonly<Record<string, Partial<RegistryState>>>
}

/** One person and month a payment run asks about. */
export interface MonthlyQuery {
  idNumber: string
  /** The card the subsidy is paid into: a card replaced since the binding is not in use. */
  cardNumber: string
  month: string
}

export interface CardQuery {
  name: string
  idNumber: string
  cardNumber: string
}

export interface Registry {
  /** The matching entry, or null when the three do not belong to one entry. */
  verify(query: CardQuery): Promise<RegistryEntry | null>
  /**
   * The state of every query, in the order asked: one call for many people and months, so a run
   * makes one round trip a page. A person the registry does not know has no condition met.
   * Throws RegistryUnavailableError when the registry cannot answer.
   */
  monthlyStates(queries: readonly MonthlyQuery[]): Promise<RegistryState[]>
  /**
   * Optional: after `verify` found no match, which of the three did not match (window intake tells
   * the clerk which item to correct). A registry that cannot say leaves it out; [] means unknown.
   */
  mismatchOf?(query: CardQuery): Promise<CardItem[]>
}

/** An item of a card query. */
export type CardItem = 'name' | 'idNumber' | 'cardNumber'

export class RegistryUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RegistryUnavailableError'
  }
}
