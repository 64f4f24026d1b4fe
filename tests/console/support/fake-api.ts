/**
 * A fake staff API behind global fetch: answers by "METHOD /path" (path after /api/v1/staff,
 * without the query), records every call with its headers and body.
 */
export interface Call {
  method: string
  path: string
  url: string
  headers: Record<string, string>
  body: unknown
  credentials: RequestCredentials | undefined
}

type Answer = { status: number; body?: unknown } | ((call: Call) => { status: number; body?: unknown })

export interface FakeApi {
  calls: Call[]
  on(route: string, answer: Answer): FakeApi
  callsTo(route: string): Call[]
}

export function fakeApi(): FakeApi {
  const routes = new Map<string, Answer>()
  const calls: Call[] = []
  const api: FakeApi = {
    calls,
    on(route, answer) {
      routes.set(route, answer)
      return api
    },
    callsTo: (route) => calls.filter((c) => `${c.method} ${c.path}` === route),
  }
  const fetchMock = jest.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input)
    const path = new URL(url, 'http://localhost').pathname.replace(/^\/api\/v1\/staff/, '')
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]))
    const call: Call = {
      method: init.method ?? 'GET',
      path,
      url,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    }
    calls.push(call)
    const answer = routes.get(`${call.method} ${path}`)
    const { status, body } = answer === undefined ? { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有找到。' } } } : typeof answer === 'function' ? answer(call) : answer
    // jsdom has no Response: the wrapper reads only these.
    const text = body === undefined ? '' : JSON.stringify(body)
    return { status, ok: status >= 200 && status < 300, text: async () => text, json: async () => JSON.parse(text) as unknown } as unknown as Response
  })
  Object.assign(globalThis, { fetch: fetchMock })
  return api
}

export const staffIdentity = (over: Partial<import('@zhihui/core').StaffIdentity> = {}): import('@zhihui/core').StaffIdentity => ({
  username: 'reviewer',
  name: '审核员李静',
  roles: ['reviewer'],
  mustChangePassword: false,
  totpEnrolled: false,
  ...over,
})
