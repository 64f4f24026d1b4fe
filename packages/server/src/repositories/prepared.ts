/**
 * Queries on the hot path (every authenticated request, every progress poll) compiled once per
 * database instead of built and compiled by Kysely on each call, which cost more than running
 * them. The builder is called once with sentinel values to learn where each parameter goes.
 * On SQLite, when no other query is under way, they run synchronously (db/sqlite-dialect.ts).
 */
import { CompiledQuery, type Compilable } from 'kysely'
import { idleReaderOf } from '../db/create-db'
import type { Db } from '../db/schema'

export function prepared<P extends unknown[], R>(build: (db: Db, ...params: P) => Compilable<R>, sentinels: P) {
  const compiledBy = new WeakMap<Db, { sql: string; order: number[] }>()
  return async (db: Db, ...params: P): Promise<R[]> => {
    let compiled = compiledBy.get(db)
    if (compiled === undefined) {
      const query = build(db, ...sentinels).compile()
      const order = query.parameters.map((value) => sentinels.indexOf(value))
      if (order.some((index) => index < 0)) throw new Error(`unexpected parameter in ${query.sql}`)
      compiled = { sql: query.sql, order }
      compiledBy.set(db, compiled)
    }
    const values = compiled.order.map((index) => params[index])
    const now = idleReaderOf(db)?.readIfIdle<R>(compiled.sql, values)
    return now ?? (await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, values))).rows
  }
}
