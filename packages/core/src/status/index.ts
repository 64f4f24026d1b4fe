export { transition, allowedEvents, isActiveStatus, isEditableStatus, EDITABLE_STATUSES, TRANSITIONS } from './transition'
export type { TransitionErrorCode } from './transition'
export { STATUS_LABELS, EVENT_LABELS } from './labels'
