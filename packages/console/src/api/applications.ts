/** The subsidy's applications as staff see them: the overview (工作台) and the queue. */
import type {
  ApplicationStatus,
  Channel,
  DecisionResponse,
  District,
  Education,
  Paged,
  RejectionReason,
  RevealResponse,
  StaffApplicationDetail,
  StaffOverview,
  StaffQueueItem,
} from '@zhihui/core'
import { fileUrl, request } from './client'

export interface QueueFilters {
  status?: ApplicationStatus
  district?: District
  education?: Education
  channel?: Channel
  /** Submitted on or after, 'YYYY-MM-DD'. */
  from?: string
  /** Submitted on or before, 'YYYY-MM-DD'. */
  to?: string
  /** An application number (exact) or a name (prefix). */
  q?: string
  page: number
  pageSize: number
}

export const getOverview = (): Promise<StaffOverview> => request<StaffOverview>('/overview')

export const listApplications = (filters: QueueFilters): Promise<Paged<StaffQueueItem>> =>
  request<Paged<StaffQueueItem>>('/applications', { query: { ...filters } })

export const getApplication = (applicationNo: string): Promise<StaffApplicationDetail> =>
  request<StaffApplicationDetail>(`/applications/${encodeURIComponent(applicationNo)}`)

// ---- The review workspace (pages/application) ----

/** The watermarked photo (viewer's name and time drawn across it; audited `photo-view`), for <img src>. */
export const photoUrl = (applicationNo: string, photoId: string): string =>
  fileUrl(`/applications/${encodeURIComponent(applicationNo)}/photos/${encodeURIComponent(photoId)}`)

/** Shows a full ID or card number (audited `number-reveal`). */
export const revealNumber = (applicationNo: string, field: RevealResponse['field']): Promise<RevealResponse> =>
  request<RevealResponse>(`/applications/${encodeURIComponent(applicationNo)}/reveal`, { method: 'POST', body: { field } })

export interface DecisionBody {
  decision: 'approve' | 'reject'
  reasons?: RejectionReason[]
  /** The detail's version: a stale one answers 409 CONCURRENT_UPDATE. */
  version?: number
}

export const decideApplication = (applicationNo: string, body: DecisionBody): Promise<DecisionResponse> =>
  request<DecisionResponse>(`/applications/${encodeURIComponent(applicationNo)}/decision`, { method: 'POST', body })

/** An objection during the public notice: the application goes back to review. */
export const objectToApplication = (applicationNo: string, note: string): Promise<DecisionResponse> =>
  request<DecisionResponse>(`/applications/${encodeURIComponent(applicationNo)}/objection`, { method: 'POST', body: { note } })
