/**
 * Document photos: only the kinds core requires of this applicant, one per kind (a new upload of
 * a kind replaces the old one), readable only by their owner and by reviewers.
 */
import { randomUUID } from 'node:crypto'
import {
  DOCUMENT_LABELS,
  isActiveStatus,
  type ApplicationDetails,
  type ApplicationStatus,
  type DocumentKind,
  type StatedFacts,
  type UploadedPhoto,
} from '@zhihui/core'
import { sql } from 'kysely'
import { isUniqueViolation } from '../db/errors'
import type { PhotosTable } from '../db/schema'
import { conflict, invalid, notFound } from '../errors'
import { findApplicationByNo, findCurrentApplication, type ApplicationRow } from '../repositories/applications'
import { deletePhoto, findPhoto, findPhotoOfKind, insertPhoto } from '../repositories/documents'
import { EDITABLE_STATUSES, isEditable, statusLabel } from './application-events'
import { parseJson, photoRequirements } from './application-view'
import { requirePerson } from './application-service'
import { channelOf, refuseIfFiledAtWindow } from './window-application'
import type { ApplicantAuth, ServiceDeps } from './deps'
import { processPhoto } from './photo-processing'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface StoredPhoto {
  data: Buffer
  contentType: string
}

export function createPhotoService(deps: ServiceDeps) {
  const { db, storage, clock } = deps

  async function readStored(photo: PhotosTable | undefined): Promise<StoredPhoto> {
    if (photo === undefined) throw notFound('没有找到这张照片。')
    const data = await storage.get(photo.storage_key)
    if (data === null) throw notFound('没有找到这张照片。')
    return { data, contentType: photo.content_type }
  }

  /** A photo of an application the caller has already found (and checked the viewer may see), with its kind. */
  async function readOfApplication(applicationId: string, photoId: string): Promise<StoredPhoto & { kind: string }> {
    const photo = UUID.test(photoId) ? await findPhoto(db, applicationId, photoId) : undefined
    return { ...(await readStored(photo)), kind: photo?.kind ?? '' }
  }

  async function replaceRow(photo: PhotosTable): Promise<PhotosTable | undefined> {
    return db.transaction().execute(async (trx) => {
      const old = await findPhotoOfKind(trx, photo.application_id, photo.kind)
      if (old !== undefined) await deletePhoto(trx, old.id)
      await insertPhoto(trx, photo)
      // Bumps the version (the application's view changed) without demanding a version: the
      // applicant may upload several photos at once. The status guard keeps a submitted
      // application's photos fixed.
      const touched = await trx
        .updateTable('applications')
        .set({ version: sql<number>`version + 1`, updated_at: photo.created_at })
        .where('id', '=', photo.application_id)
        .where('status', 'in', EDITABLE_STATUSES)
        .executeTakeFirst()
      if (Number(touched.numUpdatedRows) !== 1) throw conflict('NOT_EDITABLE', '申请已提交，不能再更换照片。')
      return old
    })
  }

  /**
   * Stores a photo of one of the documents core asks of this application (online: the
   * applicant's photos; at a window: the originals the clerk photographs), replacing an earlier
   * one of the same kind. The caller has found the application and checked it may be changed.
   */
  async function store(app: ApplicationRow, kind: string | undefined, file: Buffer | undefined): Promise<UploadedPhoto> {
    if (!isEditable(app.status)) {
      throw conflict('NOT_EDITABLE', `申请${statusLabel(app.status)}，不能再更换照片。`)
    }
    const facts = parseJson<StatedFacts>(app.facts_json)
    if (facts === null) {
      throw conflict('FORM_INCOMPLETE', '请先把申请信息填写完整并保存（学历、就业情况等决定需要上传哪些证件），再上传照片。')
    }
    const wanted = photoRequirements(facts, channelOf(app), parseJson<ApplicationDetails>(app.details_json))
    const listed = wanted.map((doc) => doc.label).join('、')
    if (kind === undefined || kind === '') throw invalid('kind', `请选择要上传的证件：${listed}。`)
    if (!wanted.some((doc) => doc.kind === kind)) {
      const label = DOCUMENT_LABELS[kind as DocumentKind]
      throw invalid('kind', `${label !== undefined ? `本申请不需要上传“${label}”` : '证件类型不正确'}，需要上传的是：${listed}。`, 'KIND_NOT_REQUIRED')
    }
    if (file === undefined) throw invalid('file', '请选择要上传的照片。', 'FILE_REQUIRED')
    const processed = await processPhoto(file)
    const photoId = randomUUID()
    const row: PhotosTable = {
      id: photoId,
      application_id: app.id,
      kind,
      storage_key: `${app.id}/${photoId}.${processed.extension}`,
      content_type: processed.contentType,
      bytes: processed.data.length,
      created_at: clock.now().toISOString(),
    }
    await storage.put(row.storage_key, processed.data)
    let old: PhotosTable | undefined
    try {
      try {
        old = await replaceRow(row)
      } catch (error) {
        // Two uploads of the same kind at once (PostgreSQL): the later one simply replaces again.
        if (!isUniqueViolation(error)) throw error
        old = await replaceRow(row)
      }
    } catch (error) {
      await storage.remove(row.storage_key)
      throw error
    }
    if (old !== undefined) {
      await storage.remove(old.storage_key).catch((error: unknown) => deps.warn('old photo not removed', error))
    }
    return { photoId, kind: kind as DocumentKind, bytes: row.bytes }
  }

  return {
    async upload(auth: ApplicantAuth, kind: string | undefined, file: Buffer | undefined): Promise<UploadedPhoto> {
      const personId = requirePerson(auth)
      const app = await findCurrentApplication(db, personId)
      if (app === undefined || !isActiveStatus(app.status as ApplicationStatus)) {
        throw conflict('NO_APPLICATION', '请先填写并保存申请信息，再上传证件照片。')
      }
      refuseIfFiledAtWindow(app, '上传或更换证件照片')
      return store(app, kind, file)
    },

    /** A window clerk's photo of an original (window intake); the caller checked the clerk's scope. */
    store,

    /** The owner's own photo; any other photo id answers 404, whether it exists or not. */
    async readOwn(auth: ApplicantAuth, photoId: string): Promise<StoredPhoto> {
      if (auth.personId === null || !UUID.test(photoId)) throw notFound('没有找到这张照片。')
      const photo = await db
        .selectFrom('photos')
        .innerJoin('applications', 'applications.id', 'photos.application_id')
        .selectAll('photos')
        .where('photos.id', '=', photoId)
        .where('applications.person_id', '=', auth.personId)
        .executeTakeFirst()
      return readStored(photo)
    },

    /** Any photo of an application, for review: with its kind, which the audit log records. */
    async readForReview(applicationNo: string, photoId: string): Promise<StoredPhoto & { kind: string }> {
      const app = await findApplicationByNo(db, applicationNo)
      if (app === undefined) throw notFound('没有找到这张照片。')
      return readOfApplication(app.id, photoId)
    },

    readOfApplication,
  }
}

export type PhotoService = ReturnType<typeof createPhotoService>
