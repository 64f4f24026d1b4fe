/**
 * A stand-in for the HTTP API behind the Taro.request / Taro.uploadFile mocks: a test lists the
 * answers of the routes it uses ("PUT /application") and reads back what the app sent.
 */
import Taro from '@tarojs/taro'

export interface SentRequest {
  method: string
  path: string
  data: unknown
  header: Record<string, string>
}

export type Answer = { status: number; body?: unknown } | 'network-error'
export type Route = (request: SentRequest) => Answer | Promise<Answer>

export interface UploadControl {
  request: SentRequest & { filePath: string; formData: Record<string, string> }
  progress: (percent: number) => void
}

export type UploadRoute = (upload: UploadControl) => Answer | Promise<Answer>

const request = Taro.request as unknown as jest.Mock
const uploadFile = Taro.uploadFile as unknown as jest.Mock

function pathOf(url: string): string {
  return url.replace(/^.*\/api\/v1/, '')
}

export function fakeApi(routes: Record<string, Route>, upload?: UploadRoute) {
  const sent: SentRequest[] = []
  const all: Record<string, Route> = {
    'POST /sessions': (r) => ({ status: 200, body: { token: `token-${String((r.data as { code: string }).code)}` } }),
    ...routes,
  }
  request.mockImplementation(async (options: { url: string; method: string; data?: unknown; header?: Record<string, string> }) => {
    const req: SentRequest = { method: options.method, path: pathOf(options.url), data: options.data, header: options.header ?? {} }
    sent.push(req)
    const route = all[`${req.method} ${req.path}`]
    const answer: Answer = route ? await route(req) : { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有找到' } } }
    if (answer === 'network-error') throw { errMsg: 'request:fail timeout' }
    return { statusCode: answer.status, data: answer.body, header: {} }
  })
  uploadFile.mockImplementation((options: { url: string; filePath: string; formData: Record<string, string>; header?: Record<string, string> }) => {
    const listeners: ((r: { progress: number }) => void)[] = []
    const req = { method: 'POST', path: pathOf(options.url), data: undefined, header: options.header ?? {}, filePath: options.filePath, formData: options.formData }
    sent.push(req)
    const promise = (async () => {
      // Let the caller subscribe to progress before anything is sent.
      await Promise.resolve()
      const answer: Answer = upload
        ? await upload({ request: req, progress: (p) => listeners.forEach((l) => l({ progress: p })) })
        : { status: 404, body: {} }
      if (answer === 'network-error') throw { errMsg: 'uploadFile:fail' }
      return { statusCode: answer.status, data: JSON.stringify(answer.body ?? {}) }
    })()
    return Object.assign(promise, {
      onProgressUpdate: (listener: (r: { progress: number }) => void) => listeners.push(listener),
      abort: () => undefined,
    })
  })
  return {
    sent,
    calls: (method: string, path: string) => sent.filter((r) => r.method === method && r.path === path),
  }
}

export const json = (status: number, body?: unknown): Answer => ({ status, body })
export const apiError = (status: number, code: string, message: string, field?: string): Answer => ({
  status,
  body: { error: { code, message, ...(field ? { field } : {}) } },
})
