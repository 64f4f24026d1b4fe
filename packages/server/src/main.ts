/**
 * `npm run start -w @zhihui/server`: reads the environment, builds the app, listens, and prints
 * what a developer needs to try it: the address, the demo people and the reviewer token.
 */
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { ConfigError, DEV_REVIEWER_TOKEN, loadConfig } from './config'
import { DEMO_PEOPLE } from './registry'
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
  return lines.join('\n')
}

async function main(): Promise<void> {
  const config = loadConfig()
  const app = await buildApp(config)
  const address = await app.listen({ port: config.port, host: config.host })
  console.log(banner(app, address))
  const stop = (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`配置错误：${error.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
