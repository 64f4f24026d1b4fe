/**
 * The shapes of the talent-service API, written once for the server that sends them and the
 * mini-program and console that read them (types only). Applicant side under /api/v1/talent,
 * staff side under /api/v1/staff/talent; ID and certificate numbers are always masked, and the
 * leader's views carry no personal numbers at all.
 */
import type { Bureau } from '../staff/roles'
import type { RatingLevel } from './ratings'
import type { TalentRequestStatus } from './request-status'
import type { TalentTierId } from './tiers'

/** `POST /talent/verification`. `mobile` (optional) is where progress texts go. */
export interface TalentVerificationBody {
  consent: true
  name: string
  idNumber: string
  certificateNo: string
  mobile?: string
}

export interface TalentProfile {
  name: string
  tier: TalentTierId
  tierLabel: string
  idNumberMasked: string
  certificateNoMasked: string
  mobileMasked: string | null
}

/** `POST /talent/verification`, `GET /talent/me`. */
export interface TalentProfileResponse {
  talent: TalentProfile
}

/** The 422 body of `POST /talent/verification` when the registry knows no such talent. */
export interface TalentNotFoundBody {
  error: { code: 'TALENT_NOT_FOUND'; message: string }
  office: { name: string; phone: string }
}

/** `GET /talent/services`. */
export interface TalentServicesResponse {
  services: { id: string; label: string; hint: string; bureau: Bureau }[]
}

/** `POST /talent/requests` (and its cancel). */
export interface TalentRequestFiled {
  requestId: string
  status: TalentRequestStatus
}

export interface TalentTimelineEntry {
  status: TalentRequestStatus
  label: string
  at: string
}

export interface TalentArrangement {
  /** As staff wrote it, e.g. '2026-12-02 09:30'. */
  when: string
  where: string
  who: string
  /** The phone of the person serving; null when staff gave none. */
  phone: string | null
}

export interface TalentRatingView {
  level: RatingLevel
  label: string
  comment: string | null
  complaint: string | null
  ratedAt: string
}

/** A complaint or poor rating the bureau must answer within 15 working days. */
export interface TalentFollowUp {
  /** 'YYYY-MM-DD', complaintDue(the rating day). */
  due: string
  /** Unanswered and past `due` on the server's today. */
  overdue: boolean
  answer: string | null
  answeredAt: string | null
  /** Answered, but after `due`. */
  answeredLate: boolean
}

/** One request as its talent sees it: `GET /talent/requests`. */
export interface TalentRequestView {
  requestId: string
  status: TalentRequestStatus
  statusLabel: string
  serviceId: string
  serviceLabel: string
  bureau: string
  note: string | null
  filedAt: string
  timeline: TalentTimelineEntry[]
  /** Who is serving me and how to reach them. */
  contact: {
    bureau: string
    /** The service staff member who confirmed, then the arranged person. */
    staffName: string | null
    /** The arranged person's phone, else the talent office's. */
    phone: string
    phoneIsOffice: boolean
  }
  arrangement: TalentArrangement | null
  rating: TalentRatingView | null
  followUp: TalentFollowUp | null
  canCancel: boolean
  canRate: boolean
}

export interface TalentRequestsResponse {
  requests: TalentRequestView[]
}

/** `GET /news`, `GET /staff/news`. */
export interface NewsItem {
  id: string
  title: string
  body: string
  bureau: string
  publishedAt: string
}

export interface NewsResponse {
  items: NewsItem[]
}

/** One request as staff see it: `GET /staff/talent/requests[/:id]`. */
export interface StaffTalentRequest {
  requestId: string
  status: TalentRequestStatus
  statusLabel: string
  serviceId: string
  serviceLabel: string
  bureau: string
  note: string | null
  filedAt: string
  talent: {
    talentId: string
    name: string
    tier: TalentTierId
    tierLabel: string
    /** Service staff and bureau only; the leader's view leaves these out. */
    idNumberMasked?: string
    mobile?: string | null
    photoUrl?: string
  }
  /** confirmationDue(the filing day) (configuration), and whether it passed unconfirmed. */
  confirmDue: string
  confirmOverdue: boolean
  confirmedAt: string | null
  confirmedBy: string | null
  arrangement: TalentArrangement | null
  arrangedAt: string | null
  doneAt: string | null
  cancelledAt: string | null
  rating: TalentRatingView | null
  followUp: (TalentFollowUp & { answeredBy: string | null }) | null
  timeline: (TalentTimelineEntry & { actorName: string | null })[]
}

export interface StaffTalentRequestsResponse {
  items: StaffTalentRequest[]
  total: number
  page: number
  pageSize: number
}

/** Quality of one bureau's service over a period: `GET /staff/talent/stats`. */
export interface TalentBureauStats {
  bureau: string
  requests: number
  done: number
  ratings: number
  /** Null when nothing was rated, or delivered (complaint rate). */
  satisfactionRate: number | null
  complaintRate: number | null
  complaints: number
  overdueComplaints: number
  overdueConfirmations: number
  /** Mean of (confirmed − filed) in hours over the requests confirmed; null when none. */
  meanHoursToConfirm: number | null
}

export interface TalentMonthStats extends Omit<TalentBureauStats, 'overdueComplaints' | 'overdueConfirmations'> {
  /** 'YYYY-MM', by the filing day (China time). */
  month: string
}

export interface StaffTalentStatsResponse {
  from: string
  to: string
  bureaus: TalentBureauStats[]
  trend: TalentMonthStats[]
}

/** Server-Sent Events of `GET /staff/talent/stream`. */
export interface TalentStreamRequestEvent {
  requestId: string
  name: string
  tier: TalentTierId
  tierLabel: string
  serviceId: string
  serviceLabel: string
  bureau: string
  filedAt: string
  /** Null in the leader's stream. */
  photoUrl: string | null
}

export interface TalentStreamStatusEvent {
  requestId: string
  status: TalentRequestStatus
  bureau: string
  serviceId: string
  at: string
}

/** Audit actions of the talent services (written with the staff audit log). */
export type TalentAuditAction =
  | 'talent-request-confirm'
  | 'talent-request-arrange'
  | 'talent-request-done'
  | 'talent-complaint-answer'
  | 'talent-photo-view'
  | 'talent-request-view'
  | 'news-publish'
