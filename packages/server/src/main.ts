/**
 * `npm run start -w @zhihui/server`: reads the environment, builds the app, listens, and prints
 * what a developer needs to try it: the address, the demo people and the reviewer token.
 */
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { ConfigError, DEV_REVIEWER_TOKEN, loadConfig } from './config'
import { DEMO_PEOPLE } from './registry'
import { DEMO_TALENTS } from './registry/demo-talents'
import { DEV_STAFF, DEV_STAFF_PASSWORD } from './services/staff/dev-accounts'
import { STAFF_ROLES } from '@zhihui/core'

function banner(app: FastifyInstance, address: string): string {
  const { config, registrySource, identity, dbKind } = app.ctx
  const lines = [`智汇郑州 API listening on ${address}/api/v1 (${dbKind}, data in ${config.dataDir})`]
  const platforms = identity.describe()
  lines.push(`login: weapp ${platforms.weapp}, alipay ${platforms.alipay}, h5 ${platforms.h5}`)
  if (!config.production) {
    if (config.reviewerTokens.includes(DEV_REVIEWER_TOKEN)) lines.push(`development reviewer token: ${DEV_REVIEWER_TOKEN}`)
    lines.push('POST /api/v1/dev/clock {"today":"YYYY-MM-DD"} moves the server date (development only)')
    lines.push(`staff console: ${address}/admin/  (development accounts, password ${DEV_STAFF_PASSWORD}):`)
    for (const account of DEV_STAFF) {
      const scope = account.district ?? account.bureau
      lines.push(`  ${account.username.padEnd(14)} ${account.roles.map((r) => STAFF_ROLES[r].label).join('、')}${scope !== undefined ? `（${scope}）` : ''}`)
    }
  }
  if (registrySource === 'demo') {
    lines.push('demo social-security cards (name / ID number / card number: story):')
    for (const person of DEMO_PEOPLE) {
      lines.push(`  ${person.name}  ${person.idNumber}  ${person.cardNumber}  ${person.story}`)
    }
  }
  if (app.ctx.talentRegistrySource === 'demo') {
    lines.push('demo high-level talents (name / ID number / certificate number: tier):')
    for (const talent of DEMO_TALENTS) lines.push(`  ${talent.name}  ${talent.idNumber}  ${talent.certificateNo}  ${talent.story}`)
  } else if (app.ctx.talentRegistrySource === 'empty') {
    lines.push('TALENT_REGISTRY_FILE is not set: nobody can verify as a high-level talent')
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const config = loadConfig()
  const app = await buildApp(config)
  const address = await app.listen({ port: config.port, host: config.host })
  console.log(banner(app, address))
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'asked again: stopping without waiting')
      process.exit(1)
    }
    stopping = true
    drain(app, config.shutdownGraceMs, signal)
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

/**
 * Graceful shutdown: stop accepting connections, let the requests under way finish (an upload, a
 * submit) for at most `graceMs`, then close the database pool, Redis and the photo store's
 * connections (the app's onClose hooks) and exit. Requests that arrive on an open keep-alive
 * connection meanwhile get Fastify's 503 with `Connection: close`, which a balancer or the app
 * retries elsewhere; idle keep-alive connections are closed as soon as they fall idle, so the
 * process does not wait out their timeout.
 */
function drain(app: FastifyInstance, graceMs: number, signal: string): void {
  app.log.info({ signal, graceMs }, 'shutting down: no new connections, finishing the requests under way')
  const idle = setInterval(() => app.server.closeIdleConnections(), 100)
  const force = setTimeout(() => {
    app.log.warn({ graceMs }, 'requests still under way after the grace period: closing their connections')
    app.server.closeAllConnections()
  }, graceMs)
  app.close().then(
    () => {
      clearInterval(idle)
      clearTimeout(force)
      app.log.info('stopped')
      process.exit(0)
    },
    (error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed')
      process.exit(1)
    },
  )
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`配置错误：${error.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
