/**
 * H5: the photo is sent from the Blob kept in memory by photo.h5.ts, with XMLHttpRequest for
 * upload progress. Taro's H5 uploadFile would first re-read the blob: URL with a request of its
 * own, which the API server's Content-Security-Policy (connect-src 'self') blocks, and that
 * request never reports the failure, so the upload would hang.
 */
import { blobFor } from './photo.h5'
import type { FileUpload } from './upload-file'

export type { FileUpload } from './upload-file'

export function sendFile(upload: FileUpload): Promise<{ statusCode: number; data: unknown }> {
  return new Promise((resolve, reject) => {
    const blob = blobFor(upload.filePath)
    if (!blob) {
      reject({ errMsg: 'uploadFile:fail the photo is no longer in memory' })
      return
    }
    const form = new FormData()
    for (const [key, value] of Object.entries(upload.formData ?? {})) form.append(key, value)
    form.append(upload.name, blob, upload.fileName ?? 'photo.jpg')
    const xhr = new XMLHttpRequest()
    xhr.open('POST', upload.url)
    for (const [key, value] of Object.entries(upload.header ?? {})) xhr.setRequestHeader(key, value)
    xhr.timeout = upload.timeout
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && upload.onProgress) upload.onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => resolve({ statusCode: xhr.status, data: xhr.responseText })
    xhr.onerror = () => reject({ errMsg: 'uploadFile:fail network' })
    xhr.ontimeout = () => reject({ errMsg: 'uploadFile:fail timeout' })
    xhr.onabort = () => reject({ errMsg: 'uploadFile:fail abort' })
    xhr.send(form)
  })
}
