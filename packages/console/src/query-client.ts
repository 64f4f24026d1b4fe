/**
 * TanStack Query holds all server state. Keys name the resource and its filters, so a filtered
 * list is cached per filter and a mutation invalidates the resource's whole family.
 */
import { QueryClient } from '@tanstack/react-query'
import type { AuditFilters } from './api/audit'
import type { QueueFilters } from './api/applications'
import { isApiError } from './api/client'

export const queryKeys = {
  session: ['session'] as const,
  overview: ['overview'] as const,
  applications: ['applications'] as const,
  queue: (filters: QueueFilters) => ['applications', 'queue', filters] as const,
  application: (no: string) => ['applications', 'detail', no] as const,
  notices: ['notices'] as const,
  paymentRuns: ['payment-runs'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  accounts: ['accounts'] as const,
}

/** A refusal (4xx) will not change by asking again; a network failure or 5xx may. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false
  return failureCount < 2
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
