/**
 * Reads a JPEG's marker segments (up to the image data) to tell whether it carries EXIF: an APP1
 * segment that starts with "Exif\0\0". Independent of sharp, so the two checks back each other up.
 */
export interface JpegSegment {
  marker: number
  length: number
  /** The first bytes of the payload, enough to name APPn segments. */
  head: string
}

export function jpegSegments(data: Buffer): JpegSegment[] {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new Error('not a JPEG (no SOI)')
  const segments: JpegSegment[] = []
  let at = 2
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) throw new Error(`bad marker at byte ${at}`)
    const marker = data[at + 1] as number
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    const length = data.readUInt16BE(at + 2)
    segments.push({ marker, length, head: data.toString('latin1', at + 4, at + 4 + Math.min(12, length - 2)) })
    if (marker === 0xda) break // start of scan: entropy-coded data follows
    at += 2 + length
  }
  return segments
}

export function hasExifSegment(data: Buffer): boolean {
  return jpegSegments(data).some((s) => s.marker === 0xe1 && s.head.startsWith('Exif\0\0'))
}
