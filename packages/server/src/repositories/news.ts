/** The bureaus' news and policy notices (信息联动). */
import type { NewsTable, TalentExecutor } from '../db/talent-schema'

export async function insertNews(db: TalentExecutor, row: NewsTable): Promise<void> {
  await db.insertInto('news').values(row).execute()
}

export const listNews = (db: TalentExecutor, limit: number) =>
  db.selectFrom('news').selectAll().orderBy('published_at', 'desc').orderBy('id').limit(limit).execute()

export const countNews = async (db: TalentExecutor): Promise<number> =>
  Number((await db.selectFrom('news').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
