/**
 * The application as the applicant builds it, kept on the device so closing the mini-program
 * loses nothing: every form field, the card binding's masked summary, the uploaded photos and the
 * idempotency key of a submission in flight. The real ID and card numbers are never stored here.
 */
import { EMPTY_FORM_VALUES, FORM_FIELDS, type ApplicationStatus, type Channel, type DocumentKind, type EligibilityReport, type FormField, type FormValues, type TalentWindow } from '@zhihui/core'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { BindingSummary, RejectionReason } from '@/services/types'
import { newIdempotencyKey } from '@/utils/idempotency-key'
import { STORAGE_KEYS, taroJsonStorage } from './taro-storage'

export interface StoredBinding extends BindingSummary {
  /** Kept instead of the ID number, for the age rule of the local report ('YYYY-MM-DD'). */
  birthDate?: string
}

export interface StoredPhoto {
  kind: DocumentKind
  photoId: string
  /** The compressed file on this device, for the preview; it may expire (then only the server copy remains). */
  localPath?: string
  bytes: number
}

export interface DraftState {
  /** One value per field of core's FORM_FIELDS, by key. */
  form: FormValues
  binding?: StoredBinding
  photos: Partial<Record<DocumentKind, StoredPhoto>>
  /** The last report the server gave for the saved draft. */
  serverEligibility?: EligibilityReport
  /** One submission attempt: the key survives retries and restarts until the server answers. */
  submissionKey?: string
  applicationNo?: string
  status?: ApplicationStatus
  /**
   * 'window': a talent service window filed the application (GET /application says so); the
   * applicant follows it here but changes it only at that window, whose address and phone are kept.
   */
  channel?: Channel
  window?: TalentWindow
  /** The reviewer's reasons for the latest rejection; `at` tells one rejection from the next. */
  rejection?: { at: string; reasons: RejectionReason[] }

  setField: <K extends FormField>(key: K, value: FormValues[K]) => void
  patchForm: (patch: Partial<FormValues>) => void
  setBinding: (binding: StoredBinding) => void
  setPhoto: (photo: StoredPhoto) => void
  setServerEligibility: (report: EligibilityReport) => void
  /** The key of the current submission attempt, created on first use. */
  ensureSubmissionKey: () => string
  recordSubmitted: (applicationNo: string, status: ApplicationStatus) => void
  /**
   * The status the server reports (GET /application, GET /me). Once it is withdrawn, the photos
   * and the submission key go: the server keeps photos per application and remembers a key's
   * answer, and the next save opens a new application that has neither.
   */
  recordStatus: (applicationNo: string | null | undefined, status: ApplicationStatus) => void
  /** Who filed it, and the window if one did (GET /application). */
  recordChannel: (channel: Channel, window: TalentWindow | undefined) => void
  /**
   * Takes in a rejection. The first time a rejection is seen, the photos it rejects are dropped,
   * so the applicant must take them again; seeing it again later changes nothing.
   */
  applyRejection: (at: string, reasons: RejectionReason[]) => void
  clearRejection: () => void
  /** A new application after a withdrawal: the answers and the card binding carry over, nothing else. */
  startOver: () => void
  /** Back to a first visit: nothing kept. */
  reset: () => void
}

type PersistedDraft = Pick<
  DraftState,
  'form' | 'binding' | 'photos' | 'serverEligibility' | 'submissionKey' | 'applicationNo' | 'status' | 'rejection' | 'channel' | 'window'
>

/**
 * Version 1 kept the form under the fields' short ids ('hukouDistrict'), as its own DraftForm;
 * version 2 keeps core's FormValues, by key ('facts.hukou.district'). A stored draft of either is
 * read into the current shape, so an update loses nothing typed.
 */
const DRAFT_VERSION = 2

function formFromStorage(stored: unknown, version: number): Partial<FormValues> {
  if (typeof stored !== 'object' || stored === null) return {}
  const old = stored as Record<string, unknown>
  const values: Record<string, unknown> = {}
  for (const field of FORM_FIELDS) {
    const value = version < 2 ? old[field.id] : old[field.key]
    if (value !== undefined) values[field.key] = value
  }
  return values as Partial<FormValues>
}

/** Everything of one application, none of the answers or the binding: what a new one starts without. */
const NO_APPLICATION = {
  photos: {},
  submissionKey: undefined,
  applicationNo: undefined,
  status: undefined,
  rejection: undefined,
  channel: undefined,
  window: undefined,
} satisfies Partial<DraftState>

export const useDraftStore = create<DraftState>()(
  persist(
    (set, get) => ({
      form: EMPTY_FORM_VALUES,
      photos: {},
      setField: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
      patchForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
      setBinding: (binding) => set({ binding }),
      setPhoto: (photo) => set((s) => ({ photos: { ...s.photos, [photo.kind]: photo } })),
      setServerEligibility: (serverEligibility) => set({ serverEligibility }),
      ensureSubmissionKey: () => {
        const existing = get().submissionKey
        if (existing) return existing
        const key = newIdempotencyKey()
        set({ submissionKey: key })
        return key
      },
      recordSubmitted: (applicationNo, status) => set({ applicationNo, status, submissionKey: undefined }),
      recordStatus: (applicationNo, status) =>
        set({
          applicationNo: applicationNo ?? undefined,
          status,
          ...(status === 'withdrawn' ? { photos: {}, submissionKey: undefined } : {}),
        }),
      recordChannel: (channel, window) => set({ channel, window }),
      applyRejection: (at, reasons) =>
        set((s) => {
          if (s.rejection?.at === at) return { rejection: { at, reasons } }
          const photos = { ...s.photos }
          for (const reason of reasons) delete photos[reason.target as DocumentKind]
          return { rejection: { at, reasons }, photos }
        }),
      clearRejection: () => set({ rejection: undefined }),
      startOver: () => set(NO_APPLICATION),
      reset: () => set({ ...NO_APPLICATION, form: EMPTY_FORM_VALUES, binding: undefined, serverEligibility: undefined }),
    }),
    {
      name: STORAGE_KEYS.draft,
      version: DRAFT_VERSION,
      storage: taroJsonStorage<PersistedDraft>(),
      partialize: (s): PersistedDraft => ({
        form: s.form,
        binding: s.binding,
        photos: s.photos,
        serverEligibility: s.serverEligibility,
        submissionKey: s.submissionKey,
        applicationNo: s.applicationNo,
        status: s.status,
        rejection: s.rejection,
        channel: s.channel,
        window: s.window,
      }),
      migrate: (persisted, version) => {
        const stored = (persisted ?? {}) as Partial<PersistedDraft>
        return { ...stored, form: formFromStorage(stored.form, version) } as PersistedDraft
      },
      // A stored form from an older version may lack newer fields: fill them with defaults.
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as Partial<PersistedDraft>
        return { ...current, ...stored, form: { ...EMPTY_FORM_VALUES, ...formFromStorage(stored.form, DRAFT_VERSION) }, photos: stored.photos ?? {} }
      },
    },
  ),
)
