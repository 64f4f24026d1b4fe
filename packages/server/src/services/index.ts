/** The service layer, shared by the HTTP routes and the review CLI. */
import type { IdentityProvider } from '../auth/identity'
import { createLocalBus } from '../bus/local-bus'
import type { EventBus } from '../bus'
import { createTalentRegistry, type TalentRegistry } from '../registry/talent-registry'
import type { OutboundJobs } from '../jobs'
import { createStaffMessageService } from '../jobs/staff-messages'
import { listOutbox } from '../repositories/documents'
import { createApplicationService } from './application-service'
import { createBindingService } from './binding-service'
import type { ServiceDeps } from './deps'
import { createNoticePaymentService } from './notice-payment-service'
import { createPaymentServices } from './payments'
import { createPhotoService } from './photo-service'
import { createReviewService } from './review-service'
import { createSessionService } from './session-service'
import { createSubmitService } from './submit-service'
import { createStaffAccountService } from './staff/account-service'
import { createAuditService } from './staff/audit-service'
import { createStaffSessionService } from './staff/session-service'
import { createWindowIntakeService } from './staff/window-intake-service'
import { defaultChsiVerifier } from '../chsi'
import { createStaffNoticeService } from './staff/staff-notice-service'
import { createStaffReviewService } from './staff/staff-review-service'
import { createTalentModule } from './talent'

/** `talent`: the talent registry and the event bus of the talent services (context.ts passes both). */
export interface ServiceOptions {
  production: boolean
  talent?: { registry: TalentRegistry; bus: EventBus }
  /** The outbound message jobs (context.ts builds them): the console's message list and the outbox reads use them. */
  jobs?: OutboundJobs
}

export function createServices(deps: ServiceDeps, identity: IdentityProvider, options: ServiceOptions) {
  const bindings = createBindingService(deps)
  const audit = createAuditService(deps.db, deps.clock)
  const photos = createPhotoService(deps)
  const chsi = defaultChsiVerifier(options)
  const review = createReviewService(deps, bindings, audit)
  const noticesAndPayments = createNoticePaymentService(deps)
  return {
    audit,
    staffSessions: createStaffSessionService({ ...deps, audit, production: options.production }),
    staffAccounts: createStaffAccountService(deps.db, deps.clock, audit),
    sessions: createSessionService(deps, identity),
    bindings,
    applications: createApplicationService(deps, bindings),
    photos,
    submissions: createSubmitService(deps, bindings),
    review,
    noticesAndPayments,
    payments: createPaymentServices(deps),
    staffReview: createStaffReviewService(deps, { audit, review, photos }),
    staffNotices: createStaffNoticeService(deps, { audit, noticesAndPayments }),
    talent: createTalentModule({
      db: deps.db,
      cipher: deps.cipher,
      clock: deps.clock,
      sms: deps.sms,
      warn: deps.warn,
      production: options.production,
      registry: options.talent?.registry ?? createTalentRegistry({ production: options.production }).registry,
      eventBus: options.talent?.bus ?? createLocalBus({ info: () => undefined, warn: (m) => deps.warn(m) }),
    }),
    chsi,
    windowIntake: createWindowIntakeService(deps, { bindings, photos, audit, chsi }),
    outbox: {
      /**
       * Development: what was just queued is delivered first, so a test or the CLI reads the text
       * of the change it made (delivery is otherwise a moment later, by the worker).
       */
      list: async (limit = 50) => {
        if (!options.production) await options.jobs?.flush()
        return listOutbox(deps.db, limit)
      },
    },
    messages: createStaffMessageService({
      db: deps.db,
      audit,
      jobs: options.jobs ?? {
        requeue: () => Promise.reject(new Error('no outbound jobs in this context')),
      },
    }),
  }
}

export type Services = ReturnType<typeof createServices>
export type { ApplicantAuth, ServiceDeps } from './deps'
