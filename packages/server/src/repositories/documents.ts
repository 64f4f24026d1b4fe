/** Photos of documents, notice batches, payments, idempotency keys and the SMS outbox. */
import type { Executor, NoticeBatchesTable, OutboxTable, PaymentsTable, PhotosTable } from '../db/schema'

export const listPhotos = (db: Executor, applicationId: string) =>
  db.selectFrom('photos').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute()

export const findPhoto = (db: Executor, applicationId: string, photoId: string) =>
  db.selectFrom('photos').selectAll().where('application_id', '=', applicationId).where('id', '=', photoId).executeTakeFirst()

export const findPhotoOfKind = (db: Executor, applicationId: string, kind: string) =>
  db.selectFrom('photos').selectAll().where('application_id', '=', applicationId).where('kind', '=', kind).executeTakeFirst()

export async function insertPhoto(db: Executor, row: PhotosTable): Promise<void> {
  await db.insertInto('photos').values(row).execute()
}

export async function deletePhoto(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('photos').where('id', '=', id).execute()
}

export async function insertNoticeBatch(db: Executor, row: NoticeBatchesTable): Promise<void> {
  await db.insertInto('notice_batches').values(row).execute()
}

export const getNoticeBatch = (db: Executor, id: string) =>
  db.selectFrom('notice_batches').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertPayment(db: Executor, row: PaymentsTable): Promise<void> {
  await db.insertInto('payments').values(row).execute()
}

export const listPayments = (db: Executor, applicationId: string) =>
  db.selectFrom('payments').selectAll().where('application_id', '=', applicationId).orderBy('paid_at').execute()

export async function insertIdempotencyKey(db: Executor, personId: string, key: string, at: string): Promise<void> {
  await db.insertInto('idempotency_keys').values({ person_id: personId, key, response_json: null, created_at: at }).execute()
}

export async function saveIdempotentResponse(db: Executor, personId: string, key: string, response: unknown): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ response_json: JSON.stringify(response) })
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .execute()
}

export const findIdempotencyKey = (db: Executor, personId: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('person_id', '=', personId).where('key', '=', key).executeTakeFirst()

export async function insertOutbox(db: Executor, row: OutboxTable): Promise<void> {
  await db.insertInto('outbox').values(row).execute()
}

export const listOutbox = (db: Executor, limit: number) =>
  db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute()
