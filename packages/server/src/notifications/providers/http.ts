/**
 * The one HTTP call every provider makes: bounded in time, and a failure to get any answer (DNS,
 * refused connection, reset, timeout) becomes a retryable ProviderError. What the answer means is
 * each provider's business.
 */
import { ProviderError } from '../provider'

/** The global fetch (Node 20), or a stand-in the tests give. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>

export interface HttpAnswer {
  status: number
  text: string
}

export const DEFAULT_TIMEOUT_MS = 5_000

export async function call(
  fetchImpl: FetchLike,
  provider: string,
  url: string | URL,
  init: RequestInit,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<HttpAnswer> {
  try {
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    return { status: response.status, text: await response.text() }
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    throw new ProviderError(`${provider}: no answer (${reason})`, true, 'NETWORK')
  }
}

/** JSON, or a ProviderError: a 5xx or a page that is not JSON (a proxy's error page) is worth another try. */
export function parseJson<T>(provider: string, answer: HttpAnswer): T {
  try {
    return JSON.parse(answer.text) as T
  } catch {
    throw new ProviderError(`${provider}: HTTP ${answer.status}, answer is not JSON`, answer.status >= 500 || answer.status === 429, `HTTP_${answer.status}`)
  }
}

/** The calendar date in China (UTC+8), as yyyyMMdd: the day the providers file a message under. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
}

/** Cut to `max` characters (code points, so a character outside the BMP is never split in half). */
export function cut(value: string, max: number, ellipsis = false): string {
  const chars = Array.from(value)
  if (chars.length <= max) return value
  return ellipsis ? chars.slice(0, max - 1).join('') + '…' : chars.slice(0, max).join('')
}
