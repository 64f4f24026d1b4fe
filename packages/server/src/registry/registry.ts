/**
 * The social-security registry the card binding asks. Name, ID number and card number must all
 * belong to one entry; the answer is the card's state, which the eligibility rules need.
 */
export interface RegistryEntry {
  name: string
  idNumber: string
  cardNumber: string
  cardIssued: boolean
  financialAccountActive: boolean
  /** Consecutive months of pension paid on time in Zhengzhou, back-payments excluded. */
  pensionMonths: number
}

export interface CardQuery {
  name: string
  idNumber: string
  cardNumber: string
}

export interface Registry {
  /** The matching entry, or null when the three do not belong to one entry. */
  verify(query: CardQuery): Promise<RegistryEntry | null>
}

export class RegistryUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RegistryUnavailableError'
  }
}
