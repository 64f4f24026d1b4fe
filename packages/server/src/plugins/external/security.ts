/**
 * Security headers (OWASP's short set for the JSON API, helmet's for the H5 pages; computed once),
 * CORS only for configured origins, rate limits (a generous global one; stricter routes set their
 * own). Multipart (photo uploads) is registered by its route only.
 */
import cors from '@fastify/cors'
import fp from 'fastify-plugin'
import { addRateLimits, RateLimitSync } from './rate-limits'
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
    const { redis } = app.ctx
    let sync: RateLimitSync | undefined
    if (redis !== undefined && config.redis !== undefined) {
      const limits = new RateLimitSync(redis, config.redis.prefix, config.rateLimit.syncMs, app.log)
      app.addHook('onClose', () => limits.close())
      sync = limits
    }
    addRateLimits(app, config.rateLimit.perMinute, sync)
  },
  { name: 'security', dependencies: ['context'] },
)
