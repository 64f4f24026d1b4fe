/**
 * Pays a subsidy into the card's financial account. The bundled sender records the instruction
 * and confirms at once (the development behaviour design.md asks for); a bank or treasury
 * integration implements the same interface and may confirm later.
 */
import { randomUUID } from 'node:crypto'

export interface PaymentOrder {
  applicationNo: string
  amountYuan: number
  /** Decrypted only for the sender; never logged or stored in clear. */
  cardNumber: string
}

export interface PaymentResult {
  confirmed: boolean
  reference: string
}

export interface PaymentSender {
  pay(order: PaymentOrder): Promise<PaymentResult>
}

export const immediatePaymentSender: PaymentSender = {
  async pay() {
    return { confirmed: true, reference: `PAY-${randomUUID()}` }
  },
}
