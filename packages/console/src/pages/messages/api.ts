/** Outbound messages (GET /staff/messages, POST /staff/messages/:id/retry): admins and the HR bureau's supervisor. */
import type { OutboundMessageStatus, StaffMessageView } from '@zhihui/core'
import { request } from '../../api/client'

export type MessageStatus = OutboundMessageStatus
export type StaffMessage = StaffMessageView

export interface MessageFilters {
  status?: MessageStatus
  page: number
  pageSize: number
}

export interface MessagePage {
  items: StaffMessage[]
  total: number
  page: number
  pageSize: number
}

export const listMessages = (filters: MessageFilters): Promise<MessagePage> => request<MessagePage>('/messages', { query: { ...filters } })

export const retryMessage = (id: string): Promise<{ message: StaffMessage }> =>
  request<{ message: StaffMessage }>(`/messages/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {} })

export const messageKeys = {
  all: ['messages'] as const,
  list: (filters: MessageFilters) => ['messages', filters] as const,
}
