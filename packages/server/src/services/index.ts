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

export function createServices(deps: ServiceDeps, identity: IdentityProvider) {
  const bindings = createBindingService(deps)
  return {
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
