/**
 * A small stand-in for the WeChat / Alipay mini-program host, enough to run Taro's compiled
 * output in Node: `wx` or `my` with the APIs the app calls, `App`, `Page`, `Component`,
 * `getApp`, `getCurrentPages`. It loads dist/<target>/app.js and page files as the platform
 * would, calls the lifecycle, records every setData and applies it, and fires events through
 * the page's own event handler (`eh`), the way a tap or a keystroke arrives on a device.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { applyPatch, findByUid, textOf } from './data-tree'

export type Target = 'weapp' | 'alipay'

export interface SentRequest {
  url: string
  method: string
  data: unknown
  header: Record<string, string>
}

export type Responder = (request: SentRequest) => { statusCode: number; data: unknown }

type Hooks = Record<string, unknown> & { data?: Record<string, unknown> }

export interface PageHandle {
  route: string
  instance: Hooks & { data: Record<string, unknown> }
  setDataCalls: number
  setDataBytes: number
  text: () => string
  /** Fires an event at the element the code gave `uid` (its id prop). */
  fire: (uid: string, type: string, detail?: Record<string, unknown>) => Promise<void>
}

export const DIST = path.resolve(__dirname, '../../../dist')

/** Lets the React scheduler (setImmediate / timers in Node) and Taro's setData batching run. */
async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 5))
}

export function pagesOf(target: Target): string[] {
  const app = JSON.parse(readFileSync(path.join(DIST, target, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
    subpackages?: { root: string; pages: string[] }[]
  }
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

export function createHost(target: Target, respond: Responder) {
  const root = path.join(DIST, target)
  if (!existsSync(path.join(root, 'app.json'))) throw new Error(`dist/${target} is not built: run npm run build:${target}`)
  const storage = new Map<string, unknown>()
  const requests: SentRequest[] = []
  const pageConfigs = new Map<string, Hooks>()
  const stack: Hooks[] = []
  let appConfig: Hooks | undefined
  let pendingRoute = ''

  const async = (fn: () => void) => setTimeout(fn, 0)
  const ok = (name: string, extra: Record<string, unknown> = {}) => (options: Record<string, unknown> = {}) => {
    const result = { errMsg: `${name}:ok`, ...extra }
    async(() => {
      ;(options.success as ((r: unknown) => void) | undefined)?.(result)
      ;(options.complete as ((r: unknown) => void) | undefined)?.(result)
    })
  }

  const systemInfo = {
    platform: 'devtools',
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    pixelRatio: 2,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.50',
    SDKVersion: '3.3.4',
    system: 'iOS 17',
  }

  const common = {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.set(key, value)
    },
    removeStorageSync: (key: string) => {
      storage.delete(key)
    },
    request: (options: Record<string, unknown>) => {
      const header = (options.header ?? options.headers ?? {}) as Record<string, string>
      const request = { url: String(options.url), method: String(options.method ?? 'GET'), data: options.data, header }
      requests.push(request)
      const { statusCode, data } = respond(request)
      async(() => {
        const result = target === 'alipay' ? { status: statusCode, data, headers: {} } : { statusCode, data, header: {}, errMsg: 'request:ok' }
        ;(options.success as (r: unknown) => void)?.(result)
        ;(options.complete as ((r: unknown) => void) | undefined)?.(result)
      })
      return { abort: () => undefined, onHeadersReceived: () => undefined }
    },
    uploadFile: (options: Record<string, unknown>) => {
      ok('uploadFile', { statusCode: 201, data: '{"photoId":"p1","kind":"id-card","bytes":1}' })(options)
      return { abort: () => undefined, onProgressUpdate: () => undefined }
    },
    navigateTo: ok('navigateTo'),
    redirectTo: ok('redirectTo'),
    reLaunch: ok('reLaunch'),
    switchTab: ok('switchTab'),
    navigateBack: ok('navigateBack'),
    showToast: ok('showToast'),
    hideToast: ok('hideToast'),
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    showModal: ok('showModal', { confirm: true, cancel: false }),
    makePhoneCall: ok('makePhoneCall'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: ok('getSystemInfo', systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined }),
    createSelectorQuery: () => ({ select: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }), exec: () => undefined }),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
  }

  const platformApis =
    target === 'weapp'
      ? {
          login: ok('login', { code: 'weapp-test-code' }),
          setClipboardData: ok('setClipboardData'),
          requirePrivacyAuthorize: ok('requirePrivacyAuthorize'),
          onNeedPrivacyAuthorization: () => undefined,
          getPrivacySetting: ok('getPrivacySetting', { needAuthorization: false }),
          openPrivacyContract: ok('openPrivacyContract'),
          requestSubscribeMessage: ok('requestSubscribeMessage'),
        }
      : {
          getAuthCode: ok('getAuthCode', { authCode: 'alipay-test-code' }),
          setClipboard: ok('setClipboard'),
          getPrivacySetting: ok('getPrivacySetting', { needAuthorization: false }),
          openPrivacyContract: ok('openPrivacyContract'),
          httpRequest: () => undefined,
        }

  const api: Record<string, unknown> = { ...common, ...platformApis }

  const globals: Record<string, unknown> = {
    [target === 'weapp' ? 'wx' : 'my']: api,
    App: (config: Hooks) => {
      appConfig = config
    },
    Page: (config: Hooks) => {
      pageConfigs.set(pendingRoute, config)
    },
    Component: (config: Hooks) => {
      pageConfigs.set(pendingRoute, config)
    },
    Behavior: (config: unknown) => config,
    getApp: () => appConfig,
    getCurrentPages: () => stack,
    requirePlugin: () => ({}),
    // Alipay's JS engine has a navigator; Taro's Alipay runtime reads it.
    ...(target === 'alipay' ? { navigator: { userAgent: 'AlipayClient/10.5.0 AliApp(AP/10.5.0)' } } : {}),
  }

  function install(): void {
    for (const [key, value] of Object.entries(globals)) (global as Record<string, unknown>)[key] = value
  }

  function uninstall(): void {
    for (const key of Object.keys(globals)) delete (global as Record<string, unknown>)[key]
  }

  function launch(): Hooks {
    install()
    pendingRoute = 'app'
    // The platform loads the compiled CommonJS files with require, and so do we.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(root, 'app.js'))
    if (!appConfig) throw new Error('app.js did not call App()')
    const app = appConfig
    const options = { path: 'pages/index/index', query: {}, scene: 1001 }
    ;(app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, options)
    ;(app.onShow as ((o: unknown) => void) | undefined)?.call(app, options)
    return app
  }

  async function openPage(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
    pendingRoute = route
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(root, `${route}.js`))
    const config = pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const handle: PageHandle = {
      route,
      instance: undefined as unknown as PageHandle['instance'],
      setDataCalls: 0,
      setDataBytes: 0,
      text: () => textOf(handle.instance.data.root),
      fire: async (uid, type, detail = {}) => {
        const node = findByUid(handle.instance.data.root, uid)
        if (!node?.sid) throw new Error(`no element with id ${uid} on ${route}`)
        const target = { id: uid, dataset: { sid: node.sid } }
        const handler = (handle.instance.eh ?? (handle.instance.methods as Hooks | undefined)?.eh) as (e: unknown) => void
        handler.call(handle.instance, { type, timeStamp: Date.now(), target, currentTarget: target, detail, touches: [], changedTouches: [] })
        await settle()
      },
    }
    const instance: PageHandle['instance'] = {
      ...config,
      ...((config.methods as Hooks | undefined) ?? {}),
      data: structuredClone(config.data ?? {}),
      route,
      __route__: route,
      options: query,
      setData(patch: Record<string, unknown>, callback?: () => void) {
        handle.setDataCalls += 1
        handle.setDataBytes += JSON.stringify(patch).length
        applyPatch(this.data, patch)
        if (callback) setTimeout(callback, 0)
      },
      selectComponent: () => null,
      createSelectorQuery: () => api.createSelectorQuery,
    }
    handle.instance = instance
    stack.push(instance)
    const lifecycle = (name: string, ...args: unknown[]) => {
      const fn = (instance[name] ?? (config.methods as Hooks | undefined)?.[name]) as ((...a: unknown[]) => void) | undefined
      fn?.apply(instance, args)
    }
    lifecycle('onLoad', query)
    lifecycle('onShow')
    lifecycle('onReady')
    await settle()
    return handle
  }

  return { requests, launch, openPage, uninstall }
}
