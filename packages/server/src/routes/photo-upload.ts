/**
 * Photo uploads (multipart `kind` + `file`), the applicant's and a window clerk's alike: the same
 * limits, so the same oversized or malformed upload gets the same answer (the error handler maps
 * the framework's limit errors to 413, and photo-processing refuses what is not a JPEG or PNG).
 * Multipart parsing is registered only in the scope of a photo route: registered globally it
 * would cost every request.
 */
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { MAX_PHOTO_BYTES } from '../services/photo-processing'

export async function registerPhotoMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 } })
}

/** The form's `kind` and `file`. Fields may come before or after the file: the whole (size-limited) form is read first. */
export async function readPhotoForm(request: FastifyRequest): Promise<{ kind: string | undefined; file: Buffer | undefined }> {
  let kind: string | undefined
  let file: Buffer | undefined
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (part.fieldname === 'file') file = data
    } else if (part.fieldname === 'kind' && typeof part.value === 'string') {
      kind = part.value.trim()
    }
  }
  return { kind, file }
}
