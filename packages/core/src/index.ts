/**
 * @zhihui/core: the policy of the 智汇郑州 youth talent living subsidy as pure functions.
 * The app and the server import only from here. Nothing in core reads the clock, the network or
 * the platform: "today" is always a parameter.
 */
export * from './result'
export * from './types'
export type * from './api-types'
export * from './validators'
export * from './eligibility'
export * from './form'
export * from './status'
export * from './calendar'
export * from './directories'
export * from './staff'
export * from './payments'
export * from './talent'
