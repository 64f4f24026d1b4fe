/**
 * Window intake (窗口受理, design.md "Window intake"): `/staff/window-applications`, for
 * `window-clerk` accounts. Errors arrive as ApiError; 422 CARD_MISMATCH carries `mismatch`,
 * 409 ACTIVE_APPLICATION `existing`, and a 422 of the form `errors` (see intakeProblem).
 */
import type {
  ApplicationStatus,
  ApplicationView,
  CardItem,
  DocumentKind,
  EligibilityReport,
  ExistingApplication,
  FieldError,
  ReceiptSignature,
  UploadedPhoto,
  WindowApplicationView,
  WindowIntakeCreated,
  WindowIntakeRequest,
} from '@zhihui/core'
import { fileUrl, isApiError, request } from './client'

const base = (no: string) => `/window-applications/${encodeURIComponent(no)}`

export const createIntake = (body: WindowIntakeRequest): Promise<WindowIntakeCreated> =>
  request<WindowIntakeCreated>('/window-applications', { method: 'POST', body })

export const getIntake = (no: string): Promise<WindowApplicationView> => request<WindowApplicationView>(base(no))

export const saveIntake = (no: string, body: { facts: unknown; details: unknown }): Promise<{ application: ApplicationView; eligibility: EligibilityReport }> =>
  request(base(no), { method: 'PUT', body })

export function uploadOriginal(no: string, kind: DocumentKind, file: Blob, fileName: string): Promise<UploadedPhoto> {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', file, fileName)
  return request<UploadedPhoto>(`${base(no)}/photos`, { method: 'POST', body: form })
}

export const submitIntake = (no: string): Promise<{ applicationNo: string; status: ApplicationStatus }> =>
  request(`${base(no)}/submit`, { method: 'POST' })

export const recordSigned = (no: string): Promise<ReceiptSignature> => request<ReceiptSignature>(`${base(no)}/signed`, { method: 'POST' })

/** The 业务办理回执 (HTML with its own print stylesheet), for an iframe or a new tab. */
export const receiptUrl = (no: string): string => fileUrl(`${base(no)}/receipt`)

/** What a refusal says beyond its message: the registry's mismatched items, the blocking application, the form's problems. */
export interface IntakeProblem {
  message: string
  mismatch?: CardItem[]
  existing?: ExistingApplication
  errors?: FieldError[]
}

const CARD_ITEMS: readonly CardItem[] = ['name', 'idNumber', 'cardNumber']

export function intakeProblem(error: unknown): IntakeProblem {
  if (!isApiError(error)) return { message: '操作失败，请稍后重试。已填写的内容不会丢失。' }
  const extra = error.extra ?? {}
  const problem: IntakeProblem = { message: error.message }
  if (error.code === 'CARD_MISMATCH') {
    const items = Array.isArray(extra.mismatch) ? extra.mismatch.filter((item): item is CardItem => CARD_ITEMS.includes(item as CardItem)) : []
    problem.mismatch = items
  }
  if (error.code === 'ACTIVE_APPLICATION' && typeof extra.existing === 'object' && extra.existing !== null) {
    problem.existing = extra.existing as ExistingApplication
  }
  if (Array.isArray(extra.errors)) problem.errors = extra.errors as FieldError[]
  else if (error.field !== undefined) problem.errors = [{ field: error.field, code: error.code, message: error.message }]
  return problem
}
