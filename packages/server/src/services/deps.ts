/** What the service layer runs on; built once by the app (and by the review CLI) from the configuration. */
import type { Clock } from '../clock'
import type { FieldCipher } from '../crypto/field-cipher'
import type { DatabaseKind } from '../db/create-db'
import type { Db } from '../db/schema'
import type { SmsSender } from '../notifications/sms-sender'
import type { Registry } from '../registry'
import type { PhotoStorage } from '../storage/photo-storage'

export interface ServiceDeps {
  db: Db
  dbKind: DatabaseKind
  cipher: FieldCipher
  registry: Registry
  storage: PhotoStorage
  sms: SmsSender
  clock: Clock
  /** Where failures that must not fail the request (an SMS not written) are reported. */
  warn: (message: string, error?: unknown) => void
}

/** Who asks: an applicant's account and, once the card is bound, the person it belongs to. */
export interface ApplicantAuth {
  accountId: string
  personId: string | null
}

/** Written into the status history: who moved the application. */
export const applicantActor = (auth: ApplicantAuth): string => `applicant:${auth.accountId}`
