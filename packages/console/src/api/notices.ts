/** Public-notice (公示) batches. */
import { STAFF_SECURITY, type NoticeBatch, type NoticeBatchDetail } from '@zhihui/core'
import { ApiError, errorFromResponse, fileUrl, NETWORK_ERROR_MESSAGE, request } from './client'

export const listNotices = (): Promise<{ items: NoticeBatch[] }> => request<{ items: NoticeBatch[] }>('/notices')

export const createNotice = (applicationNos: string[]): Promise<{ batch: NoticeBatch }> =>
  request<{ batch: NoticeBatch }>('/notices', { method: 'POST', body: { applicationNos } })

export const getNotice = (id: string): Promise<NoticeBatchDetail> => request<NoticeBatchDetail>(`/notices/${encodeURIComponent(id)}`)

/** The notice has ended: the batch's applications still in 公示 start paying (audited on the server). */
export const startPayments = (id: string): Promise<{ batch: NoticeBatchDetail; started: string[] }> =>
  request<{ batch: NoticeBatchDetail; started: string[] }>(`/notices/${encodeURIComponent(id)}/start-payments`, { method: 'POST', body: {} })

/** The 公示名单 as .xlsx (audited on the server). */
export const noticeListUrl = (id: string): string => fileUrl(`/notices/${encodeURIComponent(id)}/list.xlsx`)

/**
 * Downloads the 公示名单 .xlsx. Fetched rather than linked, so an answer that is not a file (an
 * empty batch's 409 EMPTY_BATCH, a 403) becomes an ApiError whose message the page shows instead
 * of the browser opening a JSON page. Answers the file name it saved under.
 */
export async function downloadNoticeList(id: string, fallbackName = '公示名单.xlsx'): Promise<string> {
  let response: Response
  try {
    response = await fetch(noticeListUrl(id), {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': STAFF_SECURITY.csrfValue },
    })
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
  }
  if (!response.ok) {
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = undefined
    }
    throw errorFromResponse(response.status, body)
  }
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName
  const blob = await response.blob()
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
  return name
}

/** The file name of a Content-Disposition header (RFC 6266 `filename*` first). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain?.[1] ? plain[1].trim() : null
}
