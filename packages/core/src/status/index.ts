export { transition, allowedEvents, isActiveStatus, TRANSITIONS } from './transition'
export type { TransitionErrorCode } from './transition'
export { STATUS_LABELS, EVENT_LABELS } from './labels'
