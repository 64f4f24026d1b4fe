/** Test photos made with sharp: noisy (so they compress like real photos), of any size and format. */
import sharp from 'sharp'

const made = new Map<string, Promise<Buffer>>()

export function photo(options: { width?: number; height?: number; format?: 'jpeg' | 'png'; noise?: boolean } = {}): Promise<Buffer> {
  const { width = 800, height = 600, format = 'jpeg', noise = true } = options
  const key = JSON.stringify([width, height, format, noise])
  let image = made.get(key)
  if (image === undefined) {
    const created = sharp({
      create: {
        width,
        height,
        channels: 3,
        background: { r: 200, g: 180, b: 160 },
        ...(noise ? { noise: { type: 'gaussian' as const, mean: 128, sigma: 20 } } : {}),
      },
    })
    image = format === 'jpeg' ? created.jpeg({ quality: 80 }).toBuffer() : created.png().toBuffer()
    made.set(key, image)
  }
  return image
}

/** A JPEG carrying EXIF with a GPS position and a camera model, as phones write them. */
export async function photoWithGps(): Promise<Buffer> {
  const base = await photo({ width: 2400, height: 1800, noise: false })
  return sharp(base)
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GPS Camera 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 39/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** Whether an EXIF block (as sharp's metadata().exif gives it) points to a GPS IFD (tag 0x8825 in IFD0). */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (exif === undefined) return false
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd0 = u32(4)
  const entries = u16(ifd0)
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true
  return false
}

export const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(8000, 0x20)])
