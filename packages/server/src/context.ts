/**
 * Everything the services run on, built from the configuration: database (migrated), keys,
 * registry, photo storage, SMS and payment senders, clock. The HTTP app and the review CLI both
 * start from here, so they share one behaviour and one set of environment variables.
 */
import { join } from 'node:path'
import { createIdentityProvider, type IdentityProvider } from './auth/identity'
import { createClock, type Clock } from './clock'
import type { ServerConfig } from './config'
import { createFieldCipher } from './crypto/field-cipher'
import { loadMasterKey } from './crypto/master-key'
import { openDatabase, type DatabaseKind } from './db/create-db'
import type { Db } from './db/schema'
import { createOutboxSmsSender, type SmsSender } from './notifications/sms-sender'
import { createRegistry, type Registry, type RegistrySource } from './registry'
import { createServices, type Services } from './services'
import { seedDevStaff } from './services/staff/dev-accounts'
import { immediatePaymentSender, type PaymentSender } from './services/payment-sender'
import { createLocalDiskStorage } from './storage/local-disk-storage'
import type { PhotoStorage } from './storage/photo-storage'

export interface ContextOptions {
  clock?: Clock
  registry?: Registry
  storage?: PhotoStorage
  sms?: SmsSender
  paymentSender?: PaymentSender
  warn?: (message: string, error?: unknown) => void
}

export interface AppContext {
  config: ServerConfig
  db: Db
  dbKind: DatabaseKind
  clock: Clock
  identity: IdentityProvider
  registrySource: RegistrySource | 'custom'
  services: Services
  close(): Promise<void>
}

export async function createContext(config: ServerConfig, options: ContextOptions = {}): Promise<AppContext> {
  // Keys and registry first: a configuration error should stop the start before the database opens.
  const cipher = createFieldCipher(
    loadMasterKey({ configured: config.idEncryptionKey, production: config.production, dataDir: config.dataDir }),
  )
  const chosen = options.registry === undefined ? createRegistry(config) : { registry: options.registry, source: 'custom' as const }
  const clock = options.clock ?? createClock()
  const identity = createIdentityProvider(config, clock)
  const { db, kind } = await openDatabase(config)
  const warn = options.warn ?? ((message: string) => process.emitWarning(message))
  const services = createServices(
    {
      db,
      dbKind: kind,
      cipher,
      registry: chosen.registry,
      storage: options.storage ?? createLocalDiskStorage(join(config.dataDir, 'photos')),
      sms: options.sms ?? createOutboxSmsSender(db, clock.now),
      paymentSender: options.paymentSender ?? immediatePaymentSender,
      clock,
      warn,
    },
    identity,
    { production: config.production },
  )
  if (!config.production) await seedDevStaff(db, clock.now().toISOString())
  return {
    config,
    db,
    dbKind: kind,
    clock,
    identity,
    registrySource: chosen.source,
    services,
    close: () => db.destroy(),
  }
}
