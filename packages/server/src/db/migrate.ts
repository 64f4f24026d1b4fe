/** Brings the schema up to date at start; the same list runs on SQLite and PostgreSQL. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as initial from './migrations/0001-initial'
import * as staff from './migrations/0002-staff'
import * as monthlyPayments from './migrations/0003-monthly-payments'
import * as talent from './migrations/0005-talent'
import * as photoBlobs from './migrations/0006-photo-blobs'
import * as windowIntake from './migrations/0004-window-intake'
import * as outboundMessages from './migrations/0007-outbound-messages'

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-staff': staff,
  '0003-monthly-payments': monthlyPayments,
  '0005-talent': talent,
  '0006-photo-blobs': photoBlobs,
  '0004-window-intake': windowIntake,
  '0007-outbound-messages': outboundMessages,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/**
 * `schema` (PostgreSQL): where Kysely keeps its bookkeeping tables. It must be named: Kysely looks
 * for them in every schema, and would take another schema's tables for its own.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    // 0004 was numbered after 0005 and 0006 existed (several changes in flight at once): a
    // database that already ran those must still take it instead of failing as "corrupted".
    allowUnorderedMigrations: true,
    ...(schema !== undefined ? { migrationTableSchema: schema } : {}),
  })
  let outcome = await migrator.migrateToLatest()
  // Kysely finds its bookkeeping schema by listing every schema with has_schema_privilege(): a
  // schema dropped by someone else between the listing and the check (another deployment, a test
  // run, pg-boss's schema of a removed instance) fails the whole call with "schema … does not
  // exist". Nothing was migrated then, so trying again is safe.
  for (let retry = 0; retry < 3 && isVanishedSchema(outcome.error); retry++) outcome = await migrator.migrateToLatest()
  const { error, results } = outcome
  const failed = results?.find((result) => result.status === 'Error')
  if (error !== undefined || failed !== undefined) {
    const reason = error instanceof Error ? error.message : String(error ?? failed?.migrationName)
    throw new Error(`database migration failed: ${reason}`)
  }
}

const isVanishedSchema = (error: unknown): boolean =>
  error instanceof Error && ((error as { code?: string }).code === '3F000' || /^schema ".*" does not exist$/.test(error.message))
