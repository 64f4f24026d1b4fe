/**
 * Choose or take a document photo and compress it on the device (mini-programs; H5 is
 * photo.h5.ts, which Taro picks for the H5 build).
 * - WeChat: chooseMedia, then compressImage with compressedWidth so the long edge is ≤ 1600 px.
 * - Alipay: chooseImage, then my.compressImage (Alipay compresses by level, not by size).
 * Resolves null when the applicant cancels.
 */
import Taro from '@tarojs/taro'
import { isCancel, scaledWidth, type ChosenPhoto } from './photo-limits'

export type { ChosenPhoto } from './photo-limits'

interface MyFileApi {
  compressImage: (o: {
    apFilePaths: string[]
    compressLevel: number
    success: (r: { apFilePaths: string[] }) => void
    fail: (e: unknown) => void
  }) => void
  getFileInfo: (o: { apFilePath: string; success: (r: { size: number }) => void; fail: (e: unknown) => void }) => void
}
declare const my: MyFileApi

export async function choosePhoto(): Promise<ChosenPhoto | null> {
  try {
    if (process.env.TARO_ENV === 'alipay') return await chooseOnAlipay()
    return await chooseOnWeapp()
  } catch (failure) {
    if (isCancel(failure)) return null
    throw failure
  }
}

async function chooseOnWeapp(): Promise<ChosenPhoto> {
  const chosen = await Taro.chooseMedia({
    count: 1,
    mediaType: ['image'],
    sourceType: ['album', 'camera'],
    sizeType: ['compressed'],
  })
  const file = chosen.tempFiles[0]
  if (!file) throw new Error('no file chosen')
  const info = await Taro.getImageInfo({ src: file.tempFilePath })
  const compressed = await Taro.compressImage({
    src: file.tempFilePath,
    quality: 80,
    compressedWidth: scaledWidth(info.width, info.height),
  })
  return { path: compressed.tempFilePath, bytes: await weappFileSize(compressed.tempFilePath, file.size) }
}

function weappFileSize(filePath: string, fallback: number): Promise<number> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (r) => resolve(r.size),
      fail: () => resolve(fallback),
    })
  })
}

async function chooseOnAlipay(): Promise<ChosenPhoto> {
  const chosen = await Taro.chooseImage({ count: 1, sourceType: ['album', 'camera'], sizeType: ['compressed'] })
  const original = chosen.tempFilePaths[0]
  if (!original) throw new Error('no file chosen')
  // Level 1 (medium) keeps certificate text legible at a few hundred KB.
  const path = await new Promise<string>((resolve) => {
    my.compressImage({
      apFilePaths: [original],
      compressLevel: 1,
      success: (r) => resolve(r.apFilePaths[0] ?? original),
      fail: () => resolve(original),
    })
  })
  const bytes = await new Promise<number>((resolve) => {
    my.getFileInfo({ apFilePath: path, success: (r) => resolve(r.size), fail: () => resolve(0) })
  })
  return { path, bytes }
}
