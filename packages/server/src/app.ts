/**
 * buildApp(config): the Fastify application, arranged like fastify/demo: external plugins
 * (context with the database, security) → app plugins (auth on top of the services) → routes,
 * with one error handler. Everything lives under /api/v1.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify'
import type { ServerConfig } from './config'
import { createContext, type ContextOptions } from './context'
import authPlugin from './plugins/app/auth'
import staffAuthPlugin from './plugins/app/staff-auth'
import contextPlugin from './plugins/external/context'
import { installErrorHandlers } from './plugins/external/error-handler'
import openapiPlugin from './plugins/external/openapi'
import securityPlugin from './plugins/external/security'
import { serveStaticSite } from './plugins/external/static-site'
import applicantRoutes from './routes/applicant'
import devRoutes from './routes/dev'
import healthRoute from './routes/health'
import publicRoutes from './routes/public'
import reviewRoutes from './routes/review'
import staffRoutes from './routes/staff'
import subscriptionRoutes from './routes/subscriptions'
import talentRoutes from './routes/talent'

export const API_PREFIX = '/api/v1'

export interface BuildOptions extends ContextOptions {
  /** false turns logging off (tests); a pino destination stream captures it. */
  logger?: boolean | { stream: NodeJS.WritableStream }
  /** Sees every route as it is registered (tests list them to check that each has its schema). */
  onRoute?: (route: RouteOptions) => void
}

/** Requests are logged by method, path and address only: bodies, headers and query strings may carry ID numbers or tokens. */
function loggerOptions(config: ServerConfig, option: BuildOptions['logger']): FastifyServerOptions['logger'] {
  // 'silent' turns the logger off entirely: a silent pino would still be built for every request.
  if (option === false || config.logLevel === 'silent') return false
  return {
    level: config.logLevel,
    ...(typeof option === 'object' ? { stream: option.stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.body', 'body', '*.idNumber', '*.cardNumber', 'idNumber', 'cardNumber'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        remoteAddress: req.ip,
      }),
    },
  }
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, options.logger ?? true),
    bodyLimit: 64 * 1024,
    // Types are what the client sent: "true" is not true (card-binding consent must be literally true).
    ajv: { customOptions: { coerceTypes: false } },
  })
  let ctx: Awaited<ReturnType<typeof createContext>>
  try {
    ctx = await createContext(config, { log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) }, ...options })
  } catch (error) {
    await app.close().catch(() => undefined)
    throw error
  }
  try {
    const { onRoute } = options
    if (onRoute !== undefined) app.addHook('onRoute', (route) => onRoute(route))
    installErrorHandlers(app)
    await app.register(contextPlugin, { ctx })
    await app.register(securityPlugin)
    // Before the routes: it documents each one as it is registered.
    await app.register(openapiPlugin, { production: config.production })
    await app.register(authPlugin)
    await app.register(staffAuthPlugin)
    await app.register(
      async (api) => {
        await api.register(healthRoute)
        await api.register(publicRoutes)
        await api.register(applicantRoutes)
        await api.register(subscriptionRoutes)
        await api.register(reviewRoutes)
        await api.register(staffRoutes)
        await api.register(talentRoutes)
        if (!config.production) await api.register(devRoutes)
      },
      { prefix: API_PREFIX },
    )
    // Liveness at the root too, where load balancers look first.
    await app.register(healthRoute)
    await serveStaticSite(app, config.staticDir)
    await app.ready()
  } catch (error) {
    await app.close().catch(() => undefined)
    await ctx.close().catch(() => undefined)
    throw error
  }
  return app
}
