/**
 * H5: pick a file (Taro.chooseImage opens an <input type=file>), then re-encode it on a canvas as
 * JPEG with the long edge ≤ 1600 px, stepping the quality down until it is ≤ 400 KB. Drawing to a
 * canvas keeps only the pixels, so EXIF (including a GPS position) is dropped.
 */
import Taro from '@tarojs/taro'
import { isCancel, PHOTO_MAX_BYTES, PHOTO_MAX_EDGE, scaledWidth, type ChosenPhoto } from './photo-limits'

export type { ChosenPhoto } from './photo-limits'

const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45]

/** The compressed photos of this visit, by their object URL, for upload-file.h5.ts to send. */
const blobs = new Map<string, Blob>()

export function blobFor(path: string): Blob | undefined {
  return blobs.get(path)
}

export async function choosePhoto(): Promise<ChosenPhoto | null> {
  let chosen: Taro.chooseImage.SuccessCallbackResult
  try {
    chosen = await Taro.chooseImage({ count: 1, sourceType: ['album', 'camera'], sizeType: ['compressed'] })
  } catch (failure) {
    if (isCancel(failure)) return null
    throw failure
  }
  const first = chosen.tempFiles[0] as (Taro.chooseImage.ImageFile & { originalFileObj?: Blob }) | undefined
  const source = first?.originalFileObj ?? (first ? await (await fetch(first.path)).blob() : undefined)
  if (!source) return null
  const blob = await reencode(source)
  const path = URL.createObjectURL(blob)
  blobs.set(path, blob)
  return { path, bytes: blob.size }
}

export async function reencode(source: Blob, maxEdge = PHOTO_MAX_EDGE, maxBytes = PHOTO_MAX_BYTES): Promise<Blob> {
  const image = await loadImage(source)
  let width = scaledWidth(image.width, image.height, maxEdge)
  let height = Math.max(1, Math.round((image.height * width) / image.width))
  let smallest: Blob | undefined
  // Quality first, then size: a smaller but sharp photo reads better than a blurred large one.
  for (let round = 0; round < 4; round += 1) {
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('canvas unavailable')
    // JPEG has no transparency: paint white under PNGs with an alpha channel.
    context.fillStyle = '#fff'
    context.fillRect(0, 0, width, height)
    context.drawImage(image.source, 0, 0, width, height)
    for (const quality of QUALITIES) {
      const blob = await toJpeg(canvas, quality)
      if (!smallest || blob.size < smallest.size) smallest = blob
      if (blob.size <= maxBytes) return blob
    }
    width = Math.max(1, Math.round(width * 0.8))
    height = Math.max(1, Math.round(height * 0.8))
  }
  if (!smallest) throw new Error('could not encode')
  return smallest
}

async function loadImage(source: Blob): Promise<{ source: CanvasImageSource; width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    // 'from-image' applies the EXIF orientation, so a phone photo is drawn upright.
    const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' })
    return { source: bitmap, width: bitmap.width, height: bitmap.height }
  }
  const url = URL.createObjectURL(source)
  try {
    const element = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image()
      img.onload = () => resolve(img)
      img.onerror = () => reject(new Error('not an image'))
      img.src = url
    })
    return { source: element, width: element.naturalWidth, height: element.naturalHeight }
  } finally {
    URL.revokeObjectURL(url)
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), 'image/jpeg', quality)
  })
}
