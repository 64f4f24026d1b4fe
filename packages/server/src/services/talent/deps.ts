/** What the talent services run on: the shared service dependencies, the talent registry and the event bus. */
import type { Clock } from '../../clock'
import type { FieldCipher } from '../../crypto/field-cipher'
import type { Db } from '../../db/schema'
import type { SmsSender } from '../../notifications/sms-sender'
import type { TalentRegistry } from '../../registry/talent-registry'
import type { TalentEventBus } from './event-bus'

export interface TalentDeps {
  db: Db
  cipher: FieldCipher
  clock: Clock
  sms: SmsSender
  warn: (message: string, error?: unknown) => void
  registry: TalentRegistry
  bus: TalentEventBus
  production: boolean
}
