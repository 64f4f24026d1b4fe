/**
 * Everything the services run on, built from the configuration: database (migrated), keys,
 * registry, photo storage (PHOTO_STORE), the outbound message jobs and their worker, clock, and, with REDIS_URL, the
 * Redis connection of the rate limits and the event bus shared by every instance. The HTTP app and the review CLI both
 * start from here, so they share one behaviour and one set of environment variables.
 */
import { createEventBus, type BusLog, type EventBus } from './bus'
import { createIdentityProvider, type IdentityProvider } from './auth/identity'
import { createClock, type Clock } from './clock'
import type { ServerConfig } from './config'
import { createFieldCipher } from './crypto/field-cipher'
import { loadMasterKey } from './crypto/master-key'
import { openDatabase, type DatabaseKind } from './db/create-db'
import { isUniqueViolation } from './db/errors'
import type { Db } from './db/schema'
import { createOutboundJobs, type JobOptions, type OutboundJobs } from './jobs'
import { createDevOutboxProvider } from './jobs/dev-outbox-provider'
import type { Channel, MessageProvider } from './notifications/provider'
import { createConfiguredProviders } from './notifications/providers'
import { createJobSmsSender, type SmsSender } from './notifications/sms-sender'
import { createRegistry, type Registry, type RegistrySource } from './registry'
import { createTalentRegistry, type TalentRegistry, type TalentRegistrySource } from './registry/talent-registry'
import { createServices, type Services } from './services'
import { seedDevStaff } from './services/staff/dev-accounts'
import { closeRedis, connectRedis, type Redis } from './redis'
import { createPhotoStorage, type PhotoStorage } from './storage'

export interface ContextOptions {
  clock?: Clock
  registry?: Registry
  /** Replaces TALENT_REGISTRY_FILE / the demo talents (tests). */
  talentRegistry?: TalentRegistry
  storage?: PhotoStorage
  /** A sender that sends at once instead of queuing jobs (tests of the after-commit path). */
  sms?: SmsSender
  /**
   * Providers by channel, replacing those of the configuration (tests pass fakes). A channel
   * without one: SMS goes to the development outbox, WeChat and Alipay messages are not queued.
   */
  providers?: Partial<Record<Channel, MessageProvider>>
  /** Retries, backoff, lease and whether this process works the queue (tests shorten them). */
  jobs?: JobOptions
  warn?: (message: string, error?: unknown) => void
  /** Where the event bus reports a Redis outage (the app passes its logger). */
  log?: BusLog
}

export interface AppContext {
  config: ServerConfig
  db: Db
  dbKind: DatabaseKind
  clock: Clock
  identity: IdentityProvider
  registrySource: RegistrySource | 'custom'
  talentRegistrySource: TalentRegistrySource
  services: Services
  storage: PhotoStorage
  /** Messages to every instance (bus/event-bus.ts); in-process without REDIS_URL. */
  bus: EventBus
  /** REDIS_URL's connection for the rate limits and /readyz; connects on first use. */
  redis?: Redis
  /** Outbound messages: queued in transactions, delivered by this process's worker (jobs/). */
  jobs: OutboundJobs
  close(): Promise<void>
}

export async function createContext(config: ServerConfig, options: ContextOptions = {}): Promise<AppContext> {
  // Keys and registry first: a configuration error should stop the start before the database opens.
  const cipher = createFieldCipher(
    loadMasterKey({ configured: config.idEncryptionKey, production: config.production, dataDir: config.dataDir }),
  )
  const chosen = options.registry === undefined ? createRegistry(config) : { registry: options.registry, source: 'custom' as const }
  const talent = options.talentRegistry === undefined ? createTalentRegistry(config) : { registry: options.talentRegistry, source: 'custom' as const }
  const bus = createEventBus(config, options.log)
  const clock = config.production ? (options.clock ?? createClock()) : await sharedDevClock(options.clock ?? createClock(), bus)
  const identity = createIdentityProvider(config, clock)
  const { db, kind } = await openDatabase(config).catch(async (error: unknown) => {
    await bus.close()
    throw error
  })
  let storage: PhotoStorage
  try {
    storage = options.storage ?? (await createPhotoStorage(config, db, kind))
  } catch (error) {
    await Promise.all([db.destroy(), bus.close()])
    throw error
  }
  const redis = config.redis === undefined ? undefined : connectRedis(config.redis.url, { lazy: true })
  const warn = options.warn ?? ((message: string) => process.emitWarning(message))
  let jobs: OutboundJobs
  try {
    const providers = {
      sms: createDevOutboxProvider(db),
      ...(options.providers ?? createConfiguredProviders(config, redis === undefined ? {} : { redis })),
    }
    jobs = await createOutboundJobs({
      db,
      dbKind: kind,
      cipher,
      clock,
      providers,
      warn,
      ...(kind === 'postgres' && config.databaseUrl !== undefined
        ? { postgres: { url: config.databaseUrl, schema: config.databaseSchema === undefined ? 'pgboss' : `${config.databaseSchema}_jobs` } }
        : {}),
      ...(options.jobs !== undefined ? { options: options.jobs } : {}),
    })
  } catch (error) {
    await Promise.all([db.destroy(), bus.close(), redis === undefined ? undefined : closeRedis(redis), storage.close?.()])
    throw error
  }
  const services = createServices(
    {
      db,
      dbKind: kind,
      cipher,
      registry: chosen.registry,
      storage,
      sms: options.sms ?? createJobSmsSender(jobs, db),
      clock,
      warn,
    },
    identity,
    { production: config.production, talent: { registry: talent.registry, bus }, jobs },
  )
  try {
    if (!config.production) {
      try {
        await seedDevStaff(db, clock.now().toISOString())
      } catch (error) {
        // Two instances starting together on an empty database: the other one seeded them.
        if (!isUniqueViolation(error)) throw error
      }
    }
    await jobs.start()
  } catch (error) {
    // pg-boss holds connections of its own: a failed start must not leave them open.
    await jobs.stop().catch(() => undefined)
    await Promise.all([db.destroy(), bus.close(), redis === undefined ? undefined : closeRedis(redis), storage.close?.()])
    throw error
  }
  return {
    config,
    db,
    dbKind: kind,
    clock,
    identity,
    registrySource: chosen.source,
    talentRegistrySource: talent.source,
    services,
    storage,
    bus,
    redis,
    jobs,
    async close() {
      // The worker first: a delivery under way settles its row before the database closes.
      await jobs.stop()
      await Promise.all([bus.close(), redis === undefined ? undefined : closeRedis(redis), storage.close?.()])
      await db.destroy()
    },
  }
}

/**
 * Development only: POST /dev/clock moves the date of every instance, not only of the one that
 * answered (behind a balancer the next request may go to another). The new date goes out on the
 * bus, and each instance, this one included, moves its own clock to it. An instance started later
 * keeps the real date until the clock is moved again.
 */
async function sharedDevClock(base: Clock, bus: EventBus): Promise<Clock> {
  await bus.subscribe('dev-clock', (message) => {
    const today = (message as { today?: unknown }).today
    if (typeof today === 'string' && today !== base.today()) base.setToday(today)
  })
  return {
    ...base,
    setToday(today) {
      base.setToday(today)
      bus.publish('dev-clock', { today }).catch(() => undefined)
    },
  }
}
