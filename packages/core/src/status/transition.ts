/**
 * The life of an application (design.md, "Legal transitions"), following the seed's process:
 * submitted → reviewed periodically → rejected (told by SMS) or put on public notice → paid into
 * the social-security card's financial account after the notice ends (seed 四(一) 3-4), month by
 * month ([ext, 2017]: paid monthly, for at most 36 months; see payments/).
 */
import { err, ok, type Result } from '../result'
import type { ApplicationEvent, ApplicationStatus } from '../types'
import { EVENT_LABELS, STATUS_LABELS } from './labels'

/**
 * Every legal move and nothing else: status → event → next status. An objection during the
 * public notice reopens the review; an applicant may withdraw before the review starts or after a
 * rejection (draft, submitted, rejected), never while reviewers or payers are acting on it.
 * `paying` lasts as long as the entitlement's months: a payment run moves the application to
 * `paid` when its last month is decided (finish-payments); a payments officer may stop paying
 * (with a reason) and resume later.
 */
export const TRANSITIONS = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { 'start-review': 'under-review', withdraw: 'withdrawn' },
  'under-review': { approve: 'public-notice', reject: 'rejected' },
  rejected: { resubmit: 'submitted', withdraw: 'withdrawn' },
  'public-notice': { 'end-notice': 'paying', object: 'under-review' },
  paying: { 'finish-payments': 'paid', stop: 'stopped' },
  paid: {},
  stopped: { resume: 'paying' },
  withdrawn: {},
} as const satisfies Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>>

export type TransitionErrorCode = 'ILLEGAL_TRANSITION'

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key)

/** The events that are legal in `status`, in the table's order (e.g. to offer them as buttons). */
export function allowedEvents(status: ApplicationStatus): ApplicationEvent[] {
  if (!hasOwn(TRANSITIONS, status)) return []
  return Object.keys(TRANSITIONS[status]) as ApplicationEvent[]
}

export function transition(
  status: ApplicationStatus,
  event: ApplicationEvent,
): Result<ApplicationStatus, TransitionErrorCode> {
  // Statuses and events arrive from storage and HTTP bodies too, so an unknown one is refused
  // like an illegal pair rather than trusted to be one of the union's strings.
  const moves: Partial<Record<ApplicationEvent, ApplicationStatus>> | undefined = hasOwn(TRANSITIONS, status)
    ? TRANSITIONS[status]
    : undefined
  const next = moves !== undefined && hasOwn(moves, event) ? moves[event] : undefined
  if (next !== undefined) return ok(next)
  return err('ILLEGAL_TRANSITION', illegalMessage(status, event))
}

/** Why nothing can happen any more, for the statuses that end an application. */
const FINAL_HINTS: Partial<Record<ApplicationStatus, string>> = {
  paid: '补贴已按月发放完毕，申请已办结，不能再进行任何操作。',
  withdrawn: '申请已撤回，不能再进行任何操作；如需申请，请重新填写一份申请。',
}

function illegalMessage(status: ApplicationStatus, event: ApplicationEvent): string {
  if (!hasOwn(STATUS_LABELS, status)) return `无法识别的申请状态“${String(status)}”，请刷新后重试。`
  if (!hasOwn(EVENT_LABELS, event)) return `无法识别的操作“${String(event)}”，请刷新后重试。`
  const allowed = allowedEvents(status).map((e) => `“${EVENT_LABELS[e]}”`)
  const hint = allowed.length > 0 ? `当前可进行的操作：${allowed.join('、')}。` : (FINAL_HINTS[status] ?? '')
  return `申请当前状态为“${STATUS_LABELS[status]}”，不能“${EVENT_LABELS[event]}”。${hint}`
}

/**
 * An application that blocks a new one by the same person: every status except withdrawn.
 * Paid counts as active because the subsidy is granted once per person: after payment the
 * person may not file again; so does stopped (paying was stopped, and may be resumed, on this
 * application). Rejected counts too: the applicant fixes and resubmits the same application
 * rather than starting another.
 */
export function isActiveStatus(status: ApplicationStatus): boolean {
  return status !== 'withdrawn'
}

/**
 * Statuses in which the applicant may still change the form and the photos: those whose next move
 * is the applicant's own submit or resubmit (a draft, and a rejected application being fixed).
 * Derived from the table, so the two cannot disagree.
 */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = (Object.keys(TRANSITIONS) as ApplicationStatus[]).filter(
  (status) => hasOwn(TRANSITIONS[status], 'submit') || hasOwn(TRANSITIONS[status], 'resubmit'),
)

export function isEditableStatus(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status)
}
