/**
 * Sending one file as multipart/form-data (mini-programs: Taro.uploadFile; H5 is
 * upload-file.h5.ts). Resolves with the HTTP answer whatever its status; rejects only when no
 * answer came (the caller turns that into a network error).
 */
import Taro from '@tarojs/taro'

export interface FileUpload {
  url: string
  filePath: string
  /** The multipart field that carries the file. */
  name: string
  fileName?: string
  formData?: Record<string, string>
  header?: Record<string, string>
  timeout: number
  onProgress?: (percent: number) => void
}

export function sendFile(upload: FileUpload): Promise<{ statusCode: number; data: unknown }> {
  const task = Taro.uploadFile({
    url: upload.url,
    filePath: upload.filePath,
    name: upload.name,
    formData: upload.formData,
    header: upload.header,
    timeout: upload.timeout,
    // Alipay needs the file type; WeChat ignores the key.
    ...({ fileType: 'image' } as Record<string, string>),
  })
  const listen = (task as { onProgressUpdate?: (cb: (r: { progress: number }) => void) => void }).onProgressUpdate
  // Taro wraps only the APIs a platform has; without progress events the bar simply stays at 0.
  if (upload.onProgress && typeof listen === 'function') {
    const report = upload.onProgress
    listen.call(task, (r) => report(r.progress))
  }
  return task
}
