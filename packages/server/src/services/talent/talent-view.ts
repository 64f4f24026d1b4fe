/** Request rows as the talent and as staff see them (core's API shapes). */
import {
  isPastDue,
  ratingLabel,
  TALENT_OFFICE,
  TALENT_REQUEST_STATUS_LABELS,
  talentServiceById,
  talentTierLabel,
  type RatingLevel,
  type StaffTalentRequest,
  type TalentArrangement,
  type TalentFollowUp,
  type TalentRatingView,
  type TalentRequestStatus,
  type TalentRequestView,
  type TalentTierId,
} from '@zhihui/core'
import { shanghaiDate } from '../../clock'
import type { TalentRequestHistoryTable, TalentRequestsTable } from '../../db/talent-schema'
import type { RequestWithTalent } from '../../repositories/talent'

export const API_PHOTO_PATH = '/api/v1/staff/talent/photos/'

const statusOf = (row: TalentRequestsTable): TalentRequestStatus => row.status as TalentRequestStatus
const serviceLabel = (id: string): string => talentServiceById(id)?.label ?? id

function arrangementOf(row: TalentRequestsTable): TalentArrangement | null {
  if (row.arrange_when === null || row.arrange_where === null || row.arrange_who === null) return null
  return { when: row.arrange_when, where: row.arrange_where, who: row.arrange_who, phone: row.arrange_phone }
}

function ratingOf(row: TalentRequestsTable): TalentRatingView | null {
  if (row.rating_level === null || row.rated_at === null) return null
  const level = row.rating_level as RatingLevel
  return { level, label: ratingLabel(level), comment: row.rating_comment, complaint: row.complaint, ratedAt: row.rated_at }
}

function followUpOf(row: TalentRequestsTable, today: string): TalentFollowUp | null {
  if (row.follow_up_due === null) return null
  const due = row.follow_up_due
  const answeredAt = row.follow_up_answered_at
  return {
    due,
    overdue: answeredAt === null && isPastDue(due, today),
    answer: row.follow_up_answer,
    answeredAt,
    answeredLate: answeredAt !== null && isPastDue(due, shanghaiDate(new Date(answeredAt))),
  }
}

const timelineOf = (history: readonly TalentRequestHistoryTable[]) =>
  history.map((entry) => ({
    status: entry.to_status as TalentRequestStatus,
    label: TALENT_REQUEST_STATUS_LABELS[entry.to_status as TalentRequestStatus] ?? entry.to_status,
    at: entry.at,
  }))

export function applicantView(row: TalentRequestsTable, history: readonly TalentRequestHistoryTable[], today: string): TalentRequestView {
  const status = statusOf(row)
  const arrangement = arrangementOf(row)
  return {
    requestId: row.id,
    status,
    statusLabel: TALENT_REQUEST_STATUS_LABELS[status] ?? row.status,
    serviceId: row.service_id,
    serviceLabel: serviceLabel(row.service_id),
    bureau: row.bureau,
    note: row.note,
    filedAt: row.created_at,
    timeline: timelineOf(history),
    contact: {
      bureau: row.bureau,
      staffName: arrangement?.who ?? row.confirmed_by_name,
      phone: arrangement?.phone ?? TALENT_OFFICE.phone,
      phoneIsOffice: arrangement?.phone == null,
    },
    arrangement,
    rating: ratingOf(row),
    followUp: followUpOf(row, today),
    canCancel: status === 'open',
    canRate: status === 'done',
  }
}

/** `personal`: service staff and bureau see masked ID, mobile and photo; the leader does not. */
export function staffView(
  row: RequestWithTalent,
  history: readonly TalentRequestHistoryTable[],
  today: string,
  personal: boolean,
): StaffTalentRequest {
  const status = statusOf(row)
  const followUp = followUpOf(row, today)
  return {
    requestId: row.id,
    status,
    statusLabel: TALENT_REQUEST_STATUS_LABELS[status] ?? row.status,
    serviceId: row.service_id,
    serviceLabel: serviceLabel(row.service_id),
    bureau: row.bureau,
    note: row.note,
    filedAt: row.created_at,
    talent: {
      talentId: row.talent_id,
      name: row.talent_name,
      tier: row.talent_tier as TalentTierId,
      tierLabel: talentTierLabel(row.talent_tier),
      ...(personal ? { idNumberMasked: row.talent_id_masked, mobile: row.talent_mobile, photoUrl: `${API_PHOTO_PATH}${row.talent_id}` } : {}),
    },
    confirmDue: row.confirm_due,
    confirmOverdue: status === 'open' && isPastDue(row.confirm_due, today),
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by_name,
    arrangement: arrangementOf(row),
    arrangedAt: row.arranged_at,
    doneAt: row.done_at,
    cancelledAt: row.cancelled_at,
    rating: ratingOf(row),
    followUp: followUp === null ? null : { ...followUp, answeredBy: row.follow_up_answered_by },
    timeline: timelineOf(history).map((entry, i) => ({ ...entry, actorName: history[i]?.actor_name ?? null })),
  }
}
