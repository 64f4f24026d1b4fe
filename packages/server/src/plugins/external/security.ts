/**
 * Security headers (helmet, computed once), CORS only for configured origins, rate limits (a generous global
 * one; stricter routes set their own). Multipart (photo uploads) is registered by its route only.
 */
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import { AppError } from '../../errors'
import { addSecurityHeaders } from './security-headers'

export default fp(
  async (app) => {
    const { config } = app.ctx
    addSecurityHeaders(app, {
      contentSecurityPolicy: {
        directives: {
          // The H5 page (STATIC_DIR) previews chosen photos from blob: URLs before uploading.
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          // TLS is the proxy's business; upgrading would break the H5 page served over plain
          // http on 127.0.0.1 (tests, local demos). HSTS still applies behind https.
          'upgrade-insecure-requests': null,
        },
      },
    })
    if (config.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: config.corsOrigins,
        methods: ['GET', 'POST', 'PUT'],
        allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        maxAge: 600,
      })
    }
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimit.perMinute,
      timeWindow: '1 minute',
      // Counters on every response are noise for clients of a generous limit; a refusal still
      // says when to retry.
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
      errorResponseBuilder: () => new AppError(429, 'RATE_LIMITED', '操作太频繁了，请稍等一分钟再试。'),
    })
  },
  { name: 'security', dependencies: ['context'] },
)
