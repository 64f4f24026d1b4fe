/**
 * The one place that talks to Taro.request, and (through platform/upload-file) Taro.uploadFile.
 * It knows nothing about tokens: it sends, and turns every outcome that is not a 2xx JSON answer
 * into an ApiError.
 */
import Taro from '@tarojs/taro'
import { API_BASE } from '@/platform/api-base'
import { sendFile, type FileUpload } from '@/platform/upload-file'
import { ApiError, errorFromResponse, NETWORK_ERROR_MESSAGE } from './api-error'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface SendOptions {
  method: HttpMethod
  path: string
  data?: unknown
  header?: Record<string, string>
}

const TIMEOUT_MS = 20_000
const UPLOAD_TIMEOUT_MS = 60_000

export function apiUrl(path: string): string {
  return `${API_BASE}${path}`
}

export async function send<T>({ method, path, data, header }: SendOptions): Promise<T> {
  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: apiUrl(path),
      method,
      // Taro.request's typings want a string/object; undefined sends no body.
      data: data as Record<string, unknown> | undefined,
      header: { 'content-type': 'application/json', ...header },
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
  } catch (failure) {
    throw fromTransportFailure(failure)
  }
  return readResponse<T>(response.statusCode, response.data)
}

/** A file for the API: the platform's upload with an API path instead of a URL, and our timeout. */
export type UploadOptions = Omit<FileUpload, 'url' | 'timeout'> & { path: string }

export async function upload<T>({ path, ...file }: UploadOptions): Promise<T> {
  let response: { statusCode: number; data: unknown }
  try {
    response = await sendFile({ ...file, url: apiUrl(path), timeout: UPLOAD_TIMEOUT_MS })
  } catch (failure) {
    throw fromTransportFailure(failure)
  }
  return readResponse<T>(response.statusCode, parseJson(response.data))
}

function readResponse<T>(status: number, body: unknown): T {
  if (status >= 200 && status < 300) return body as T
  throw errorFromResponse(status, parseJson(body))
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data === '') return undefined
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

/**
 * A rejected request. Alipay rejects HTTP errors too (error 19) and then carries `status` and
 * `data`: those are server answers, not network failures, so they keep their status.
 */
function fromTransportFailure(failure: unknown): ApiError {
  if (failure instanceof ApiError) return failure
  if (typeof failure === 'object' && failure !== null) {
    const record = failure as Record<string, unknown>
    const status = typeof record.statusCode === 'number' ? record.statusCode : record.status
    if (typeof status === 'number' && status >= 400) return errorFromResponse(status, parseJson(record.data))
  }
  return new ApiError({ status: 0, code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
}
