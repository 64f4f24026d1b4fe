/**
 * The required-document checklist beside the photos: a document is ticked by itself once every
 * photo of its kind has been looked at, and the reviewer may tick or untick it by hand (a hand
 * tick wins over the automatic one). Pure state, so it is tested without rendering.
 */
import type { DocumentKind, DocumentRequirement } from '@zhihui/core'

export interface PhotoRef {
  kind: DocumentKind
  label: string
  photoId: string
}

export interface ChecklistState {
  /** Photos shown in the viewer so far. */
  viewed: string[]
  /** Hand ticks (true) and unticks (false), which win over the automatic tick. */
  manual: Partial<Record<DocumentKind, boolean>>
}

export interface ChecklistItem {
  kind: DocumentKind
  label: string
  /** false: the original is brought to a window, there is no photo. */
  photo: boolean
  photos: number
  viewedPhotos: number
  checked: boolean
  /** How it came to be ticked or not. */
  by: 'auto' | 'manual' | 'none'
  /** A photo is required but none was uploaded. */
  missing: boolean
}

export const emptyChecklist = (): ChecklistState => ({ viewed: [], manual: {} })

export function markViewed(state: ChecklistState, photoId: string): ChecklistState {
  return state.viewed.includes(photoId) ? state : { ...state, viewed: [...state.viewed, photoId] }
}

export function setManual(state: ChecklistState, kind: DocumentKind, checked: boolean): ChecklistState {
  return { ...state, manual: { ...state.manual, [kind]: checked } }
}

export function checklistItems(
  required: readonly DocumentRequirement[],
  documents: readonly PhotoRef[],
  state: ChecklistState,
): ChecklistItem[] {
  return required.map((req) => {
    const photos = documents.filter((d) => d.kind === req.kind)
    const viewedPhotos = photos.filter((d) => state.viewed.includes(d.photoId)).length
    const auto = photos.length > 0 && viewedPhotos === photos.length
    const manual = state.manual[req.kind]
    return {
      kind: req.kind,
      label: req.label,
      photo: req.photo,
      photos: photos.length,
      viewedPhotos,
      checked: manual ?? auto,
      by: manual !== undefined ? 'manual' : auto ? 'auto' : 'none',
      missing: req.photo && photos.length === 0,
    }
  })
}

/** How many of the required documents are ticked, e.g. for "已核对 3/5". */
export function checklistProgress(items: readonly ChecklistItem[]): { done: number; total: number; complete: boolean } {
  const done = items.filter((i) => i.checked).length
  return { done, total: items.length, complete: items.length > 0 && done === items.length }
}
