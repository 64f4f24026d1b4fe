export * from './roles'
export * from './rejection-reasons'
export type * from './staff-api-types'
export * from './window-intake'
