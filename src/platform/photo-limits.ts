/**
 * What a document photo may weigh after compression on the device: readable text on a
 * certificate needs about 1600 px on the long edge, and 400 KB keeps an upload on a weak mobile
 * connection to seconds.
 */
export const PHOTO_MAX_EDGE = 1600
export const PHOTO_MAX_BYTES = 400 * 1024

export interface ChosenPhoto {
  /** A local path (mini-programs) or object URL (H5) of the compressed image. */
  path: string
  bytes: number
}

/** The width to ask for so that the long edge is at most `maxEdge` (aspect ratio kept). */
export function scaledWidth(width: number, height: number, maxEdge: number = PHOTO_MAX_EDGE): number {
  const longEdge = Math.max(width, height)
  if (longEdge <= maxEdge) return width
  return Math.max(1, Math.round((width * maxEdge) / longEdge))
}

/** A user who closes the picker is not an error. */
export function isCancel(failure: unknown): boolean {
  const message =
    typeof failure === 'object' && failure !== null ? String((failure as { errMsg?: unknown; errorMessage?: unknown }).errMsg ?? (failure as { errorMessage?: unknown }).errorMessage ?? '') : ''
  const code = typeof failure === 'object' && failure !== null ? (failure as { error?: unknown }).error : undefined
  // WeChat: "chooseMedia:fail cancel"; Alipay: error 11 "用户取消操作".
  return /cancel/i.test(message) || code === 11 || /取消/.test(message)
}
