/** Monthly payments: runs, bank files, the start of paying, stop and resume, the ledger. */
import type { ServiceDeps } from '../deps'
import { createPaymentRunService } from './payment-run-service'
import { createStopService } from './stop-service'

export function createPaymentServices(deps: ServiceDeps) {
  return { ...createPaymentRunService(deps), ...createStopService(deps) }
}

export type PaymentServices = ReturnType<typeof createPaymentServices>
export type { BankRow, RunSummary } from './payment-run-service'
export { bankCsv, bankXlsx, BANK_FILE_COLUMNS } from './bank-file'
