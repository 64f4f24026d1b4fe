/**
 * The talent's portrait for the staff pop-up ("立即跳出专家的姓名和照片" [seed, second article]).
 * A registry entry may name a portrait file; otherwise (and for every demo talent) one is drawn
 * with sharp: a head-and-shoulders silhouette on a colour of the talent's own, with Latin initials
 * when the registry gives them (the machine need not have a CJK font). Drawn on first request and
 * kept in memory, so no image lives in git or on disk.
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { LruCache } from '../lru-cache'

export interface TalentPhoto {
  data: Buffer
  contentType: 'image/png' | 'image/jpeg'
}

export interface PortraitSubject {
  id: string
  name: string
  initials: string | null
  photoRef: string | null
}

const SIZE = 256

/** A colour of the talent's own, dark enough for white initials (contrast ≥ 4.5:1). */
function colourOf(seed: string): { background: string; figure: string } {
  const hue = createHash('sha256').update(seed).digest().readUInt16BE(0) % 360
  return { background: `hsl(${hue}, 55%, 32%)`, figure: `hsl(${hue}, 40%, 78%)` }
}

export function portraitSvg(subject: Pick<PortraitSubject, 'id' | 'initials'>): string {
  const { background, figure } = colourOf(subject.id)
  const initials = (subject.initials ?? '').replace(/[^A-Z]/g, '').slice(0, 3)
  const label =
    initials === ''
      ? ''
      : `<rect x="0" y="196" width="${SIZE}" height="60" fill="rgba(0,0,0,0.35)"/>` +
        `<text x="128" y="240" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="40" font-weight="bold" fill="#ffffff" letter-spacing="4">${initials}</text>`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">` +
    `<rect width="${SIZE}" height="${SIZE}" fill="${background}"/>` +
    `<circle cx="128" cy="96" r="50" fill="${figure}"/>` +
    `<path d="M28 256 C28 184 76 150 128 150 C180 150 228 184 228 256 Z" fill="${figure}"/>` +
    label +
    `</svg>`
  )
}

export function createTalentPhotos(warn: (message: string, error?: unknown) => void) {
  const cache = new LruCache<string, TalentPhoto>(500)

  async function render(subject: PortraitSubject): Promise<TalentPhoto> {
    if (subject.photoRef !== null) {
      try {
        // rotate() applies and drops the EXIF orientation; the re-encode drops all other metadata.
        const data = await sharp(subject.photoRef).rotate().resize(SIZE, SIZE, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer()
        return { data, contentType: 'image/jpeg' }
      } catch (error) {
        warn(`talent portrait ${subject.photoRef} unreadable, drawing one instead`, error)
      }
    }
    const data = await sharp(Buffer.from(portraitSvg(subject))).png().toBuffer()
    return { data, contentType: 'image/png' }
  }

  return {
    async portrait(subject: PortraitSubject): Promise<TalentPhoto> {
      const kept = cache.get(subject.id)
      if (kept !== undefined) return kept
      const photo = await render(subject)
      cache.set(subject.id, photo)
      return photo
    },
  }
}

export type TalentPhotos = ReturnType<typeof createTalentPhotos>
