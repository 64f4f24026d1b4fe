/**
 * What the applicant may change now: everything while drafting; after a rejection only what the
 * reviewer rejected; nothing while the application is with the reviewers.
 */
import type { DocumentKind } from '@zhihui/core'
import { useMemo } from 'react'
import { useDraftStore } from '@/stores/draft'
import type { RejectionReason } from '@/services/types'
import type { FormKey } from '@/utils/application-form'
import { formKeysForTarget, rejectedDocuments, rejectedFormKeys } from '@/utils/rejection'

export interface EditScope {
  mode: 'draft' | 'fix' | 'locked'
  reasons: RejectionReason[]
  canEditField: (key: FormKey) => boolean
  /** The reviewer's words about a field, in fix mode. */
  fieldReason: (key: FormKey) => string | undefined
  /** Fields open for change in fix mode; undefined while drafting (all are). */
  editableFields?: ReadonlySet<FormKey>
  documentReason: (kind: DocumentKind) => string | undefined
  canRetake: (kind: DocumentKind) => boolean
}

export function useEditScope(): EditScope {
  const status = useDraftStore((s) => s.status)
  const rejection = useDraftStore((s) => s.rejection)
  return useMemo(() => {
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
  }, [status, rejection])
}
