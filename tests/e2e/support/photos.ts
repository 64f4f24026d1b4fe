/**
 * Document photos as a phone camera makes them: 4000×3000 JPEG, a few MB, with texture (so they
 * do not compress to nothing) and EXIF that includes the GPS position of where they were taken.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { hasGpsIfd } from '../../server/helpers/photos'

export const PHONE_WIDTH = 4000
export const PHONE_HEIGHT = 3000

/** Texture shared by every photo: coarse colour blotches plus fine sensor-like grain. */
async function texture(): Promise<Buffer> {
  const coarse = await sharp({
    create: { width: 1000, height: 750, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .png()
    .toBuffer()
  const grain = await sharp({
    create: { width: 2000, height: 1500, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 14 } },
  })
    .resize(PHONE_WIDTH, PHONE_HEIGHT, { kernel: 'nearest' })
    .png({ compressionLevel: 0 })
    .toBuffer()
  return sharp(coarse)
    .resize(PHONE_WIDTH, PHONE_HEIGHT, { kernel: 'cubic' })
    .composite([{ input: grain, blend: 'overlay' }])
    .raw()
    .toBuffer()
}

function documentSvg(title: string, serial: number): Buffer {
  const lines = Array.from(
    { length: 12 },
    (_, i) => `<text x="420" y="${800 + i * 150}" font-size="100" fill="#222" font-family="sans-serif">测试证件 第${i + 1}行 ${serial}${i}41010320000415303</text>`,
  ).join('')
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PHONE_WIDTH}" height="${PHONE_HEIGHT}">` +
      '<rect x="300" y="300" width="3400" height="2400" rx="60" fill="#f4efe4" fill-opacity="0.85" stroke="#7a5" stroke-width="12"/>' +
      `<text x="420" y="560" font-size="180" fill="#b22" font-family="sans-serif">${title}</text>${lines}</svg>`,
  )
}

/** The EXIF a phone writes: maker, model, time, and where (Zhengzhou). */
const PHONE_EXIF = {
  IFD0: { Make: 'E2EPhone', Model: 'Camera 48MP', DateTime: '2026:11:01 10:00:00' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 39/1 0/1' },
}

/**
 * Sensor noise of a photo taken in dim light: fine enough to survive the app's scaling down to
 * 1600 px, so the app has to lower the JPEG quality to reach its size limit (and the server
 * re-encodes a photo that compresses badly).
 */
async function lowLightGrain(): Promise<Buffer> {
  return sharp({
    create: { width: 1600, height: 1200, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 30 } },
  })
    .resize(PHONE_WIDTH, PHONE_HEIGHT, { kernel: 'nearest' })
    .png({ compressionLevel: 0 })
    .toBuffer()
}

export interface PhotoSpec {
  title: string
  lowLight?: boolean
}

/** Writes one photo per spec into `dir`; answers their paths in the same order. */
export async function makePhonePhotos(dir: string, specs: PhotoSpec[]): Promise<string[]> {
  const [base, grain] = await Promise.all([texture(), specs.some((s) => s.lowLight) ? lowLightGrain() : undefined])
  return Promise.all(
    specs.map(async ({ title, lowLight }, serial) => {
      const layers: sharp.OverlayOptions[] = [{ input: documentSvg(title, serial) }]
      if (lowLight && grain) layers.push({ input: grain, blend: 'soft-light' })
      const data = await sharp(base, { raw: { width: PHONE_WIDTH, height: PHONE_HEIGHT, channels: 3 } })
        .composite(layers)
        .withExif(PHONE_EXIF)
        .jpeg({ quality: 90 })
        .toBuffer()
      const path = join(dir, `photo-${serial + 1}.jpg`)
      await writeFile(path, data)
      return path
    }),
  )
}

/** Whether sharp finds an EXIF block that points to GPS data (the API tests' reader of the block). */
export async function exifHasGps(data: Buffer): Promise<boolean> {
  return hasGpsIfd((await sharp(data).metadata()).exif)
}
