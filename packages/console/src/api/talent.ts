/**
 * High-level talent services, staff side (docs/talent-api.md): the request list and its actions,
 * complaint answers, statistics, news, and the address of the live stream (Server-Sent Events).
 * Everything goes through the one fetch wrapper; the stream is an EventSource on the same origin,
 * so the staff cookie rides along.
 */
import type {
  NewsItem,
  NewsResponse,
  StaffTalentRequest,
  StaffTalentRequestsResponse,
  StaffTalentStatsResponse,
  TalentArrangement,
  TalentRequestStatus,
} from '@zhihui/core'
import { API_BASE, request } from './client'

export interface TalentRequestFilters {
  status?: TalentRequestStatus
  bureau?: string
  /** Only requests with an overdue confirmation or complaint. */
  overdue?: boolean
  page?: number
  pageSize?: number
}

export const talentKeys = {
  all: ['talent'] as const,
  requests: (filters: TalentRequestFilters) => ['talent', 'requests', filters] as const,
  stats: (range: { from?: string; to?: string }) => ['talent', 'stats', range] as const,
  news: ['talent', 'news'] as const,
}

export const listTalentRequests = (filters: TalentRequestFilters = {}): Promise<StaffTalentRequestsResponse> =>
  request<StaffTalentRequestsResponse>('/talent/requests', {
    query: {
      status: filters.status,
      bureau: filters.bureau,
      overdue: filters.overdue ? '1' : undefined,
      page: filters.page,
      pageSize: filters.pageSize,
    },
  })

const act = (id: string, action: string, body?: unknown): Promise<{ request: StaffTalentRequest }> =>
  request<{ request: StaffTalentRequest }>(`/talent/requests/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: body ?? {} })

export const confirmTalentRequest = (id: string) => act(id, 'confirm')
export const arrangeTalentRequest = (id: string, arrangement: { when: string; where: string; who: string; phone?: string }) =>
  act(id, 'arrange', arrangement satisfies Omit<TalentArrangement, 'phone'> & { phone?: string })
export const finishTalentRequest = (id: string) => act(id, 'done')
export const answerTalentComplaint = (id: string, answer: string) => act(id, 'complaint-answer', { answer })

export const getTalentStats = (range: { from?: string; to?: string } = {}): Promise<StaffTalentStatsResponse> =>
  request<StaffTalentStatsResponse>('/talent/stats', { query: range })

export const listStaffNews = (): Promise<NewsResponse> => request<NewsResponse>('/news')
export const publishNews = (body: { title: string; body: string }): Promise<{ item: NewsItem }> =>
  request<{ item: NewsItem }>('/news', { method: 'POST', body })

/** The live stream of new requests and status changes. */
export const TALENT_STREAM_URL = `${API_BASE}/talent/stream`
