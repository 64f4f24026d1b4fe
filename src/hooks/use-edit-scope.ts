/**
 * What the applicant may change now: everything while drafting; after a rejection only what the
 * reviewer rejected; nothing while the application is with the reviewers, and nothing ever of an
 * application a talent service window filed (it is changed at that window).
 */
import type { DocumentKind, FormField, TalentWindow } from '@zhihui/core'
import { useMemo } from 'react'
import { useDraftStore } from '@/stores/draft'
import type { RejectionReason } from '@/services/types'
import { formKeysForTarget, rejectedDocuments, rejectedFormKeys } from '@/utils/rejection'

export interface EditScope {
  mode: 'draft' | 'fix' | 'locked'
  reasons: RejectionReason[]
  canEditField: (key: FormField) => boolean
  /** The reviewer's words about a field, in fix mode. */
  fieldReason: (key: FormField) => string | undefined
  /** Fields open for change in fix mode; undefined while drafting (all are). */
  editableFields?: ReadonlySet<FormField>
  /** A window application (locked): the window to go to for any change. */
  window?: TalentWindow
  documentReason: (kind: DocumentKind) => string | undefined
  canRetake: (kind: DocumentKind) => boolean
}

export function useEditScope(): EditScope {
  const status = useDraftStore((s) => s.status)
  const rejection = useDraftStore((s) => s.rejection)
  const channel = useDraftStore((s) => s.channel)
  const window = useDraftStore((s) => s.window)
  return useMemo(() => {
    if (channel === 'window') {
      return {
        mode: 'locked',
        reasons: rejection?.reasons ?? [],
        canEditField: () => false,
        fieldReason: () => undefined,
        documentReason: () => undefined,
        canRetake: () => false,
        ...(window !== undefined ? { window } : {}),
      }
    }
    if (status === 'rejected' && rejection) {
      const fields = rejectedFormKeys(rejection.reasons)
      const documents = rejectedDocuments(rejection.reasons)
      return {
        mode: 'fix',
        reasons: rejection.reasons,
        canEditField: (key) => fields.has(key),
        fieldReason: (key) => rejection.reasons.find((r) => formKeysForTarget(r.target).includes(key))?.message,
        editableFields: fields,
        documentReason: (kind) => documents.get(kind),
        canRetake: (kind) => documents.has(kind),
      }
    }
    const locked = status !== undefined && status !== 'draft' && status !== 'rejected' && status !== 'withdrawn'
    return {
      mode: locked ? 'locked' : 'draft',
      reasons: [],
      canEditField: () => !locked,
      fieldReason: () => undefined,
      documentReason: () => undefined,
      canRetake: () => !locked,
    }
  }, [status, rejection, channel, window])
}
