/**
 * Monthly payment runs and ledgers (design.md, "Monthly payments"; server routes
 * packages/server/src/routes/staff-payments.ts). Shapes are core's api-types.
 */
import type { ApplicationStatus, PaymentRunDetail, PaymentRunSummary, StaffLedger } from '@zhihui/core'
import { fileUrl, request } from './client'

export type { PaymentRunDetail, PaymentRunSummary, StaffLedger }

export const listPaymentRuns = (): Promise<{ runs: PaymentRunSummary[] }> => request<{ runs: PaymentRunSummary[] }>('/payment-runs')

export const createPaymentRun = (month: string): Promise<{ run: PaymentRunSummary }> =>
  request<{ run: PaymentRunSummary }>('/payment-runs', { method: 'POST', body: { month } })

export const getPaymentRun = (id: string, paging: { page?: number; pageSize?: number } = {}): Promise<PaymentRunDetail> =>
  request<PaymentRunDetail>(`/payment-runs/${encodeURIComponent(id)}`, { query: { page: paging.page, pageSize: paging.pageSize } })

export const bankFileUrl = (id: string, format: 'xlsx' | 'csv' = 'xlsx'): string =>
  fileUrl(`/payment-runs/${encodeURIComponent(id)}/bank-file.${format}`)

export const getLedger = (applicationNo: string): Promise<StaffLedger> =>
  request<StaffLedger>(`/applications/${encodeURIComponent(applicationNo)}/ledger`)

export interface PaymentMove {
  applicationNo: string
  status: ApplicationStatus
  statusLabel: string
}

export const stopPayments = (applicationNo: string, reason: string): Promise<PaymentMove> =>
  request<PaymentMove>(`/applications/${encodeURIComponent(applicationNo)}/stop`, { method: 'POST', body: { reason } })

export const resumePayments = (applicationNo: string, reason: string): Promise<PaymentMove> =>
  request<PaymentMove>(`/applications/${encodeURIComponent(applicationNo)}/resume`, { method: 'POST', body: { reason } })
