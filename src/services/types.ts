/**
 * The shapes the API answers with (design.md, "HTTP API"), from @zhihui/core where the server
 * takes them too, so both sides read the same definition. IDs and card numbers arrive masked.
 */
export type {
  ApplicationSummary,
  ApplicationView,
  BindingSummary,
  MeResponse,
  OfficesResponse,
  Platform,
  RejectionReason,
  SaveApplicationResponse,
  SubmitResponse,
  UploadedPhoto,
} from '@zhihui/core'
