/**
 * Runs dist/weapp inside miniprogram-simulate, which compiles the real WXML (Taro's base.wxml
 * templates and each page's wxml) with WeChat's own compiler and renders it into a DOM. That
 * shows what mini-host.ts cannot: that the setData tree Taro sends is drawn by the templates,
 * and that taps and keystrokes reach the page through the `bind*="eh"` of those templates.
 *
 * Needs a DOM (the test file runs under jsdom) and dist/weapp built.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { DIST, type Responder, type SentRequest } from './mini-host'

type Options = Record<string, unknown>
type Callback = (result: unknown) => void

/** The part of miniprogram-simulate (and the j-component it returns) these tests use. */
interface SimNode {
  dom: HTMLElement
  dispatchEvent: (type: string, options?: { detail?: Options }) => void
  querySelector: (selector: string) => SimNode | undefined
  querySelectorAll: (selector: string) => SimNode[]
}
interface SimRoot extends SimNode {
  attach: (parent: Element) => void
  detach: () => void
}
interface Simulate {
  load: (componentPath: string, options: { rootPath: string; compilerOptions?: { maxBuffer?: number } }) => string
  render: (id: string) => SimRoot
}

type PageOptions = Options & { data?: Options }
type PageThis = Record<string, unknown> & Record<'onLoad' | 'onShow' | 'onReady' | 'onUnload', (...args: unknown[]) => void>

export interface SimulatedPage {
  /** Everything the rendered page shows, as text. */
  text: () => string
  /** Rendered nodes matching a selector (WXML ids and unprefixed classes). */
  all: (selector: string) => SimNode[]
  tap: (id: string) => void
  /** Types `value` into the input with this id, then leaves it, as a keyboard would. */
  typeAndLeave: (id: string, value: string) => void
  /** Resolves when the rendered text contains `text`; rejects with what is shown after `timeoutMs`. */
  waitForText: (text: string, timeoutMs?: number) => Promise<void>
  close: () => void
}

const LAUNCH = { path: 'pages/index/index', query: {}, scene: 1001 }
const globalScope = global as unknown as Record<string, unknown>

export function createSimulateHost(respond: Responder) {
  const root = path.join(DIST, 'weapp')
  if (!existsSync(path.join(root, 'app.json'))) throw new Error('dist/weapp is not built: run npm run build:weapp')
  const storage = new Map<string, unknown>()
  const requests: SentRequest[] = []
  const stack: PageThis[] = []
  let app: Record<string, (o: unknown) => void> | undefined
  let pending = { route: '', query: {} as Record<string, string> }

  const later = (fn: () => void) => setTimeout(fn, 0)
  const ok = (name: string, extra: Options = {}) => (options: Options = {}) => {
    const result = { errMsg: `${name}:ok`, ...extra }
    later(() => {
      ;(options.success as Callback | undefined)?.(result)
      ;(options.complete as Callback | undefined)?.(result)
    })
  }

  // miniprogram-simulate mocks most of wx (system info, selector queries, toasts); these are the
  // ones whose answers matter to the app, or that its mock lacks (the privacy APIs). Taro wraps
  // only names present on wx when app.js loads, so they must all be in place by then.
  const wx: Options = {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    request: (options: Options) => {
      const header = (options.header ?? {}) as Record<string, string>
      const request = { url: String(options.url), method: String(options.method ?? 'GET'), data: options.data, header }
      requests.push(request)
      const { statusCode, data } = respond(request)
      later(() => {
        const result = { statusCode, data, header: {}, errMsg: 'request:ok' }
        ;(options.success as Callback | undefined)?.(result)
        ;(options.complete as Callback | undefined)?.(result)
      })
      return { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined }
    },
    login: ok('login', { code: 'simulate-test-code' }),
    requirePrivacyAuthorize: ok('requirePrivacyAuthorize'),
    onNeedPrivacyAuthorization: () => undefined,
    getPrivacySetting: ok('getPrivacySetting', { needAuthorization: false }),
    openPrivacyContract: ok('openPrivacyContract'),
    navigateTo: ok('navigateTo'),
    redirectTo: ok('redirectTo'),
    reLaunch: ok('reLaunch'),
    switchTab: ok('switchTab'),
  }

  const globals: Options = {
    // Set before miniprogram-simulate loads: it merges its mock under an existing wx.
    wx,
    App: (config: typeof app) => {
      app = config
    },
    getApp: () => app,
    getCurrentPages: () => stack,
    // miniprogram-simulate renders components only: a Taro page becomes a component whose
    // lifetimes call the page lifecycle the way WeChat does when a page opens and closes.
    Page: (options: PageOptions) => {
      const { data, ...rest } = options
      const methods = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === 'function'))
      const { route, query } = pending
      ;(globalScope.Component as (definition: unknown) => void)({
        data,
        methods,
        lifetimes: {
          attached(this: PageThis) {
            Object.assign(this, { route, __route__: route, options: query })
            stack.push(this)
            this.onLoad(query)
            this.onShow()
          },
          ready(this: PageThis) {
            this.onReady()
          },
          detached(this: PageThis) {
            this.onUnload()
            stack.splice(stack.indexOf(this), 1)
          },
        },
      })
    },
  }
  for (const [key, value] of Object.entries(globals)) globalScope[key] = value

  // Loaded here, not imported: it reads the wx above when it first runs, and a fresh copy per
  // host (after jest.resetModules) keeps its component registry from leaking between tests.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  // The platform loads app.js first; it brings Taro's runtime and calls App().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(root, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  app.onLaunch?.(LAUNCH)
  app.onShow?.(LAUNCH)

  function open(route: string, query: Record<string, string> = {}): SimulatedPage {
    pending = { route, query }
    // The compiled templates are far larger than the compiler's default 1 MB output buffer.
    const id = simulate.load(path.join(root, route), { rootPath: root, compilerOptions: { maxBuffer: 32 * 1024 * 1024 } })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    const node = (selector: string) => {
      const found = page.querySelector(selector)
      if (!found) throw new Error(`nothing rendered matches ${selector} on ${route}; it shows: ${page.dom.textContent}`)
      return found
    }
    return {
      text: () => page.dom.textContent ?? '',
      all: (selector) => page.querySelectorAll(selector),
      tap: (id) => node(`#${id}`).dispatchEvent('tap'),
      typeAndLeave: (id, value) => {
        const input = node(`#${id}`)
        input.dispatchEvent('input', { detail: { value, cursor: value.length } })
        input.dispatchEvent('blur', { detail: { value } })
      },
      waitForText: async (text, timeoutMs = 5000) => {
        const until = Date.now() + timeoutMs
        while (!(page.dom.textContent ?? '').includes(text)) {
          if (Date.now() > until) throw new Error(`${route} never showed “${text}”; it shows: ${page.dom.textContent}`)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      },
      close: () => page.detach(),
    }
  }

  function uninstall(): void {
    for (const key of [...Object.keys(globals), 'Component', 'Behavior']) delete globalScope[key]
  }

  return { requests, open, uninstall }
}
