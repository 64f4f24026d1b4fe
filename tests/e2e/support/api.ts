/** The API as the reviewer (the development token) and as the test's own clock-keeper sees it. */

export const DEV_REVIEWER_TOKEN = 'dev-reviewer-token'

export interface ReviewDetail {
  applicationNo: string
  status: string
  documents: { kind: string; photoId: string; bytes: number; contentType: string }[]
  history: { status: string; from: string | null; event: string; at: string }[]
  rejection?: { reasons: { target: string; code: string; message: string }[] }
  notice?: { start: string; end: string }
  payments: { month?: string; amountYuan: number; status?: string; at?: string }[]
  /** Once paying: the entitlement and what has been paid (GET /review/applications/:no gives the whole ledger). */
  entitlement?: { monthlyYuan: number; months: number; firstMonth: string; paidMonths: number; paidYuan: number; lastMonth: string; nextMonth: string | null }
}

async function call<T>(api: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`)
  return JSON.parse(text) as T
}

export function reviewer(api: string) {
  const as = <T>(method: string, path: string, body?: unknown) => call<T>(api, method, path, body, DEV_REVIEWER_TOKEN)
  return {
    queue: (status?: string) =>
      as<{ applications: { applicationNo: string; status: string }[] }>('GET', `/review/applications${status ? `?status=${status}` : ''}`),
    detail: (no: string) => as<ReviewDetail>('GET', `/review/applications/${no}`),
    decide: (no: string, body: { decision: 'approve' | 'reject'; reasons?: { target: string; code: string; message: string }[] }) =>
      as<{ status: string }>('POST', `/review/applications/${no}/decision`, body),
    publishNotice: (nos: string[]) =>
      as<{ batch: { id: string; start: string; end: string; applicationNos: string[] } }>('POST', '/review/notices', { applicationNos: nos }),
    /** Starts paying: the entitlement is fixed and the months due up to this month are decided. */
    pay: (nos: string[]) =>
      as<{
        payments: {
          applicationNo: string
          status: string
          amountYuan: number
          entitlement: { monthlyYuan: number; months: number; firstMonth: string; paidMonths: number; paidYuan: number; nextMonth: string | null }
          lines: { month: string; amountYuan: number; status: string; reason?: string }[]
        }[]
      }>('POST', '/review/payments', { applicationNos: nos }),
    photo: async (no: string, photoId: string): Promise<Buffer> => {
      const response = await fetch(`${api}/review/applications/${no}/photos/${photoId}`, {
        headers: { authorization: `Bearer ${DEV_REVIEWER_TOKEN}` },
      })
      if (!response.ok) throw new Error(`photo ${photoId} → ${response.status}`)
      return Buffer.from(await response.arrayBuffer())
    },
  }
}

export const serverToday = async (api: string) => (await call<{ today: string }>(api, 'GET', '/dev/clock')).today
export const setServerToday = async (api: string, today: string) =>
  (await call<{ today: string }>(api, 'POST', '/dev/clock', { today })).today

/** A fresh applicant of the API alone (no browser), for checks the page cannot make. */
export async function applicantSession(api: string, code: string) {
  const { token } = await call<{ token: string }>(api, 'POST', '/sessions', { platform: 'h5', code })
  return {
    token,
    request: async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { ...headers, authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    },
  }
}
