/**
 * The source texts entitlements and payment lines cite, stored once each (payment_sources) and
 * referred to by a short id: the first 16 hex digits of the text's SHA-256, the same id for the
 * same text on every server and in every database, so writers never need to ask which id a text
 * has. A program has a handful of texts; a run of 400,000 lines refers to two or three.
 */
import { createHash } from 'node:crypto'
import type { Executor } from '../db/schema'

const ids = new Map<string, string>()

export function sourceIdOf(text: string): string {
  let id = ids.get(text)
  if (id === undefined) {
    id = createHash('sha256').update(text).digest('hex').slice(0, 16)
    // Texts are few (the rules' citations); the cap only guards against a mistake.
    if (ids.size < 10_000) ids.set(text, id)
  }
  return id
}

/** Stores the texts not stored yet (one statement), and answers their ids. */
export async function storeSources(db: Executor, texts: Iterable<string>): Promise<void> {
  const rows = new Map<string, string>()
  for (const text of texts) rows.set(sourceIdOf(text), text)
  if (rows.size === 0) return
  await db
    .insertInto('payment_sources')
    .values([...rows].map(([id, text]) => ({ id, text })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}
