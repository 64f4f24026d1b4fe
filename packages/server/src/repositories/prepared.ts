/**
 * Queries on the hot path (every authenticated request, every progress poll) compiled once per
 * database instead of built and compiled by Kysely on each call, which cost more than running
 * them. The builder is called once with sentinel values to learn where each parameter goes.
 * Each answers one row (the first), which is all their callers want. On SQLite, when no other
 * query is under way, they run synchronously, and the row is kept until the database changes
 * (db/sqlite-dialect.ts).
 */
import { CompiledQuery, type Compilable } from 'kysely'
import { idleReaderOf } from '../db/create-db'
import type { Db } from '../db/schema'
import { BUSY } from '../db/sqlite-dialect'

export function preparedRow<P extends unknown[], R>(build: (db: Db, ...params: P) => Compilable<R>, sentinels: P) {
  const compiledBy = new WeakMap<Db, { sql: string; order: number[] }>()
  return async (db: Db, ...params: P): Promise<R | undefined> => {
    let compiled = compiledBy.get(db)
    if (compiled === undefined) {
      const query = build(db, ...sentinels).compile()
      const order = query.parameters.map((value) => sentinels.indexOf(value))
      if (order.some((index) => index < 0)) throw new Error(`unexpected parameter in ${query.sql}`)
      compiled = { sql: query.sql, order }
      compiledBy.set(db, compiled)
    }
    const values = compiled.order.map((index) => params[index])
    const reader = idleReaderOf(db)
    const now = reader === undefined ? BUSY : reader.readRowIfIdle<R>(compiled.sql, values)
    return now !== BUSY ? now : (await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, values))).rows[0]
  }
}
