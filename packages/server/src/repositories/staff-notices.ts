/** Notice batches as the back office lists them: each with its size, and the rows of its 公示名单. */
import type { Executor, NoticeBatchesTable } from '../db/schema'

export interface NoticeBatchWithSize extends NoticeBatchesTable {
  size: number
}

const withSize = (db: Executor) =>
  db
    .selectFrom('notice_batches')
    .leftJoin('applications', 'applications.notice_batch_id', 'notice_batches.id')
    .select([
      'notice_batches.id',
      'notice_batches.start_date',
      'notice_batches.end_date',
      'notice_batches.holidays_known',
      'notice_batches.created_by',
      'notice_batches.created_at',
      (eb) => eb.fn.count<number | string>('applications.id').as('size'),
    ])
    .groupBy([
      'notice_batches.id',
      'notice_batches.start_date',
      'notice_batches.end_date',
      'notice_batches.holidays_known',
      'notice_batches.created_by',
      'notice_batches.created_at',
    ])

const sized = <T extends { size: number | string }>(row: T): T & { size: number } => ({ ...row, size: Number(row.size) })

/** The newest batches first. */
export async function listNoticeBatches(db: Executor, limit: number): Promise<NoticeBatchWithSize[]> {
  const rows = await withSize(db).orderBy('notice_batches.created_at', 'desc').orderBy('notice_batches.id').limit(limit).execute()
  return rows.map(sized)
}

export async function findNoticeBatch(db: Executor, id: string): Promise<NoticeBatchWithSize | undefined> {
  const row = await withSize(db).where('notice_batches.id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : sized(row)
}

export interface NoticeListDbRow {
  application_no: string | null
  status: string
  education: string | null
  facts_json: string | null
  eligibility_json: string | null
  name: string
  id_masked: string
}

/** The applications of a batch with the masked ID number of each, by application number. */
export const listNoticeRows = (db: Executor, batchId: string): Promise<NoticeListDbRow[]> =>
  db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .select([
      'applications.application_no',
      'applications.status',
      'applications.education',
      'applications.facts_json',
      'applications.eligibility_json',
      'people.name',
      'people.id_masked',
    ])
    .where('applications.notice_batch_id', '=', batchId)
    .orderBy('applications.application_no')
    .execute()
