/** The service layer, shared by the HTTP routes and the review CLI. */
import type { IdentityProvider } from '../auth/identity'
import { listOutbox } from '../repositories/documents'
import { createApplicationService } from './application-service'
import { createBindingService } from './binding-service'
import type { ServiceDeps } from './deps'
import { createNoticePaymentService } from './notice-payment-service'
import { createPhotoService } from './photo-service'
import { createReviewService } from './review-service'
import { createSessionService } from './session-service'
import { createSubmitService } from './submit-service'
import { createStaffAccountService } from './staff/account-service'
import { createAuditService } from './staff/audit-service'
import { createStaffSessionService } from './staff/session-service'

export function createServices(deps: ServiceDeps, identity: IdentityProvider, options: { production: boolean }) {
  const bindings = createBindingService(deps)
  const audit = createAuditService(deps.db, deps.clock)
  return {
    audit,
    staffSessions: createStaffSessionService({ ...deps, audit, production: options.production }),
    staffAccounts: createStaffAccountService(deps.db, deps.clock, audit),
    sessions: createSessionService(deps, identity),
    bindings,
    applications: createApplicationService(deps, bindings),
    photos: createPhotoService(deps),
    submissions: createSubmitService(deps, bindings),
    review: createReviewService(deps, bindings),
    noticesAndPayments: createNoticePaymentService(deps),
    outbox: {
      list: (limit = 50) => listOutbox(deps.db, limit),
    },
  }
}

export type Services = ReturnType<typeof createServices>
export type { ApplicantAuth, ServiceDeps } from './deps'
