/**
 * Who is asking. Applicants carry a session token from POST /sessions; reviewers a token from
 * REVIEWER_TOKENS. The two never mix: an applicant's token on a review route is simply unknown (401).
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { sameSecret, tokenHash } from '../../crypto/tokens'
import { unauthorized } from '../../errors'
import type { ApplicantAuth } from '../../services'
import { bearer } from '../../services/session-service'

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook of applicant routes: sets request.applicant or answers 401. */
    requireApplicant: onRequestHookHandler
    /** onRequest hook of review routes: sets request.reviewer or answers 401. */
    requireReviewer(request: FastifyRequest): Promise<void>
  }
  interface FastifyRequest {
    applicant: ApplicantAuth | null
    reviewer: string | null
  }
}

export function applicantOf(request: FastifyRequest): ApplicantAuth {
  if (request.applicant === null) throw unauthorized()
  return request.applicant
}

export function reviewerOf(request: FastifyRequest): string {
  if (request.reviewer === null) throw unauthorized('请使用审核人员令牌。')
  return request.reviewer
}

export default fp(
  async (app: FastifyInstance) => {
    const tokens = app.ctx.config.reviewerTokens
    app.decorateRequest('applicant', null)
    app.decorateRequest('reviewer', null)
    // A callback hook, not an async one: a cached session then costs no promise round trip.
    const requireApplicant: onRequestHookHandler = (request, _reply, done) => {
      let found: ReturnType<typeof app.services.sessions.authenticate>
      try {
        found = app.services.sessions.authenticate(request.headers.authorization)
      } catch (error) {
        done(error as Error)
        return
      }
      if (found instanceof Promise) {
        found.then((auth) => {
          request.applicant = auth
          done()
        }, done)
      } else {
        request.applicant = found
        done()
      }
    }
    app.decorate('requireApplicant', requireApplicant)
    app.decorate('requireReviewer', async (request: FastifyRequest) => {
      const token = bearer(request.headers.authorization)
      // Every configured token is compared (in constant time each), so timing says nothing of which matched.
      const matched = token === undefined ? [] : tokens.filter((known) => sameSecret(known, token))
      if (token === undefined || matched.length === 0) throw unauthorized('审核接口需要审核人员令牌。')
      request.reviewer = `reviewer:${tokenHash(token).slice(0, 8)}`
    })
  },
  { name: 'auth', dependencies: ['context'] },
)
