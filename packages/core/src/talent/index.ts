/**
 * The 智汇郑州APP platform for high-level talent [seed, second article]: the tiers it serves, the
 * service catalogue (configuration), the 好差评 ratings and the rates computed from them, the
 * deadlines on the working-day calendar, and the life of a service request.
 */
export { TALENT_ARTICLE, TALENT_SOURCES } from './sources'
export { TALENT_TIERS, TALENT_TIER_IDS, isTalentTierId, talentTierLabel, type TalentTier, type TalentTierId } from './tiers'
export { TALENT_OFFICE, TALENT_SERVICES, TALENT_SERVICES_ARE_CONFIGURATION, talentServiceById, type TalentService } from './services'
export {
  RATING_LEVELS,
  RATING_SOURCE,
  complaintRate,
  formatRate,
  isRatingLevel,
  isSatisfied,
  needsFollowUp,
  ratingLabel,
  satisfactionRate,
  type RatingLevel,
} from './ratings'
export {
  COMPLAINT_DUE_SOURCE,
  COMPLAINT_WORKING_DAYS,
  CONFIRM_WORKING_DAYS,
  complaintDue,
  confirmationDue,
  isPastDue,
  workingDaysAfter,
  type WorkingDeadline,
} from './due-dates'
export {
  TALENT_REQUEST_EVENT_LABELS,
  TALENT_REQUEST_PATH,
  TALENT_REQUEST_SOURCE,
  TALENT_REQUEST_STATUS_LABELS,
  TALENT_REQUEST_TRANSITIONS,
  isDelivered,
  isTalentRequestStatus,
  talentEventsFrom,
  talentTransition,
  type TalentRequestEvent,
  type TalentRequestStatus,
} from './request-status'
export type * from './api-types'
