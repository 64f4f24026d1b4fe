/** POST /application/photos: one document photo, multipart `kind` + `file`, with upload progress. */
import type { DocumentKind } from '@zhihui/core'
import { callUpload } from './http'
import type { UploadedPhoto } from './types'

export function uploadPhoto(
  kind: DocumentKind,
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<UploadedPhoto> {
  return callUpload<UploadedPhoto>({
    path: '/application/photos',
    filePath,
    name: 'file',
    fileName: `${kind}.jpg`,
    formData: { kind },
    onProgress,
  })
}
