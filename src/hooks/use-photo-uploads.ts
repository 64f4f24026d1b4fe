/**
 * The document photos: choose or take, compress on the device, upload with progress, retry.
 * Uploaded photos live in the draft store (they survive a restart); what is in progress or
 * failed lives here, so one failed upload never touches the other photos or the form.
 */
import type { DocumentKind } from '@zhihui/core'
import { useState } from 'react'
import type { PhotoSlotState } from '@/components/PhotoSlot'
import { choosePhoto, ensurePrivacyAuthorized, type ChosenPhoto } from '@/platform'
import { isApiError } from '@/services/api-error'
import { uploadPhoto } from '@/services/photos'
import { useDraftStore } from '@/stores/draft'

interface Transient {
  status: 'compressing' | 'uploading' | 'failed'
  progress?: number
  photo?: ChosenPhoto
  error?: string
}

export function usePhotoUploads() {
  const photos = useDraftStore((s) => s.photos)
  const setPhoto = useDraftStore((s) => s.setPhoto)
  const [transient, setTransient] = useState<Partial<Record<DocumentKind, Transient>>>({})
  const [notice, setNotice] = useState<string>()

  function put(kind: DocumentKind, value: Transient | undefined): void {
    setTransient((t) => {
      const next = { ...t }
      if (value) next[kind] = value
      else delete next[kind]
      return next
    })
  }

  async function send(kind: DocumentKind, photo: ChosenPhoto): Promise<void> {
    put(kind, { status: 'uploading', progress: 0, photo })
    try {
      const uploaded = await uploadPhoto(kind, photo.path, (progress) =>
        setTransient((t) => (t[kind]?.status === 'uploading' ? { ...t, [kind]: { ...t[kind], progress } } : t)),
      )
      setPhoto({ kind, photoId: uploaded.photoId, localPath: photo.path, bytes: uploaded.bytes ?? photo.bytes })
      put(kind, undefined)
    } catch (error) {
      const message = isApiError(error) ? error.message : '上传失败，请重试。'
      const kept = useDraftStore.getState().photos[kind] ? '之前上传的照片仍然有效。' : ''
      put(kind, { status: 'failed', photo, error: `${message}${kept}` })
    }
  }

  async function choose(kind: DocumentKind): Promise<void> {
    setNotice(undefined)
    if (!(await ensurePrivacyAuthorized())) {
      setNotice('您未同意隐私保护指引，无法选择照片。')
      return
    }
    put(kind, { status: 'compressing' })
    let photo: ChosenPhoto | null
    try {
      photo = await choosePhoto()
    } catch {
      put(kind, undefined)
      setNotice('无法读取这张照片，请换一张或直接拍摄。')
      return
    }
    if (!photo) {
      put(kind, undefined)
      return
    }
    await send(kind, photo)
  }

  async function retry(kind: DocumentKind): Promise<void> {
    const photo = transient[kind]?.photo
    if (photo) await send(kind, photo)
  }

  function slotState(kind: DocumentKind): PhotoSlotState {
    const live = transient[kind]
    const stored = photos[kind]
    if (live) {
      return { status: live.status, progress: live.progress, previewPath: live.photo?.path ?? stored?.localPath, bytes: live.photo?.bytes, error: live.error }
    }
    if (stored) return { status: 'uploaded', previewPath: stored.localPath, bytes: stored.bytes }
    return { status: 'empty' }
  }

  const busy = Object.values(transient).some((t) => t?.status === 'uploading' || t?.status === 'compressing')

  return { photos, choose, retry, slotState, busy, notice }
}
