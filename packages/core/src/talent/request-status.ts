/**
 * The life of a service request (design.md, "High-level talent services"): the talent files it
 * with one tap (open); the bureau's service staff confirm it (confirmed: "对各类高层次人才需求进行
 * 确认"), arrange the offline service (arranged: when, where, who — "提供线下服务团队的对接"), and
 * mark it done; the talent then rates it (rated: "每一个专家接受服务后,要对服务单位和服务人员有一
 * 个评价") [seed, second article, 二 to 四]. A request still open may be cancelled by the talent
 * (the undo after the tap).
 *
 *   open -confirm-> confirmed -arrange-> arranged -finish-> done -rate-> rated
 *   open -cancel-> cancelled
 */
import { err, ok, type Result } from '../result'
import { TALENT_SOURCES } from './sources'

export type TalentRequestStatus = 'open' | 'confirmed' | 'arranged' | 'done' | 'rated' | 'cancelled'
export type TalentRequestEvent = 'confirm' | 'arrange' | 'finish' | 'rate' | 'cancel'

export const TALENT_REQUEST_TRANSITIONS = {
  open: { confirm: 'confirmed', cancel: 'cancelled' },
  confirmed: { arrange: 'arranged' },
  arranged: { finish: 'done' },
  done: { rate: 'rated' },
  rated: {},
  cancelled: {},
} as const satisfies Record<TalentRequestStatus, Partial<Record<TalentRequestEvent, TalentRequestStatus>>>

export const TALENT_REQUEST_SOURCE = `${TALENT_SOURCES.layers}；${TALENT_SOURCES.evaluation}`

export const TALENT_REQUEST_STATUS_LABELS = {
  open: '已提交',
  confirmed: '已确认',
  arranged: '已安排',
  done: '已完成',
  rated: '已评价',
  cancelled: '已撤销',
} as const satisfies Record<TalentRequestStatus, string>

export const TALENT_REQUEST_EVENT_LABELS = {
  confirm: '确认需求',
  arrange: '安排线下服务',
  finish: '完成服务',
  rate: '评价服务',
  cancel: '撤销请求',
} as const satisfies Record<TalentRequestEvent, string>

/** The order the applicant's timeline shows. */
export const TALENT_REQUEST_PATH: readonly TalentRequestStatus[] = ['open', 'confirmed', 'arranged', 'done', 'rated']

const has = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key)

export const isTalentRequestStatus = (value: unknown): value is TalentRequestStatus =>
  typeof value === 'string' && has(TALENT_REQUEST_TRANSITIONS, value)

/** The status after `event`, or TALENT_ILLEGAL_TRANSITION with a Chinese message naming both. */
export function talentTransition(
  status: TalentRequestStatus,
  event: TalentRequestEvent,
): Result<TalentRequestStatus, 'TALENT_ILLEGAL_TRANSITION'> {
  if (!isTalentRequestStatus(status)) return err('TALENT_ILLEGAL_TRANSITION', `无法识别的请求状态“${String(status)}”。`)
  if (!has(TALENT_REQUEST_EVENT_LABELS, event)) return err('TALENT_ILLEGAL_TRANSITION', `无法识别的操作“${String(event)}”。`)
  const next = (TALENT_REQUEST_TRANSITIONS[status] as Partial<Record<TalentRequestEvent, TalentRequestStatus>>)[event]
  if (next !== undefined) return ok(next)
  return err(
    'TALENT_ILLEGAL_TRANSITION',
    `服务请求当前状态为“${TALENT_REQUEST_STATUS_LABELS[status]}”，不能“${TALENT_REQUEST_EVENT_LABELS[event]}”。`,
  )
}

/** The events allowed from `status`. */
export function talentEventsFrom(status: TalentRequestStatus): TalentRequestEvent[] {
  return isTalentRequestStatus(status) ? (Object.keys(TALENT_REQUEST_TRANSITIONS[status]) as TalentRequestEvent[]) : []
}

/** A request counts as a service delivered once it is done (rated or not). */
export const isDelivered = (status: TalentRequestStatus): boolean => status === 'done' || status === 'rated'
