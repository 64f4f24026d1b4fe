/**
 * Photographing an original with the counter's camera. A document camera (高拍仪) is a webcam
 * to the browser: getUserMedia → <video> → a frame drawn on a canvas → a JPEG blob, uploaded
 * like a chosen file (the server applies the same checks and limits as to an applicant's photo).
 */

/** The camera's stream at the best resolution it offers up to 1920 wide, or a message why not. */
export async function openCamera(): Promise<MediaStream> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices
  if (media === undefined || typeof media.getUserMedia !== 'function') {
    throw new Error('此浏览器无法使用摄像头（需要通过 https 或本机地址打开控制台），请改用“选择文件”。')
  }
  try {
    return await media.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
  } catch (cause) {
    const name = cause instanceof DOMException ? cause.name : ''
    if (name === 'NotAllowedError') throw new Error('浏览器未允许使用摄像头：请在地址栏的权限设置中允许后重试，或改用“选择文件”。')
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new Error('没有找到摄像头或高拍仪：请检查连接后重试，或改用“选择文件”。')
    if (name === 'NotReadableError') throw new Error('摄像头正被其他程序使用：请关闭该程序后重试。')
    throw new Error('无法打开摄像头，请重试或改用“选择文件”。')
  }
}

export function stopCamera(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((track) => track.stop())
}

/** JPEG quality of a captured frame: legible text well under the 5 MB photo limit. */
export const CAPTURE_QUALITY = 0.88

/** The video's current frame as a JPEG. */
export function captureFrame(video: HTMLVideoElement): Promise<Blob> {
  const width = video.videoWidth
  const height = video.videoHeight
  if (width === 0 || height === 0) return Promise.reject(new Error('摄像头画面尚未就绪，请稍候再拍。'))
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (context === null) return Promise.reject(new Error('无法生成照片，请改用“选择文件”。'))
  context.drawImage(video, 0, 0, width, height)
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob === null ? reject(new Error('无法生成照片，请重拍。')) : resolve(blob)), 'image/jpeg', CAPTURE_QUALITY)
  })
}
