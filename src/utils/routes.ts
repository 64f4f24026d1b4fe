/** Page paths (app.config.ts) and the navigation the journey uses. */
import Taro from '@tarojs/taro'

export const ROUTES = {
  home: '/pages/index/index',
  progress: '/pages/progress/index',
  bindCard: '/pages/apply/bind-card/index',
  info: '/pages/apply/info/index',
  check: '/pages/apply/check/index',
  photos: '/pages/apply/photos/index',
  receipt: '/pages/apply/receipt/index',
  selfCheck: '/pages/guide/self-check/index',
  directory: '/pages/guide/directory/index',
  housing: '/pages/guide/housing/index',
  talentServices: '/talent/pages/services/index',
  talentVerify: '/talent/pages/verify/index',
  talentRequests: '/talent/pages/requests/index',
  talentRate: '/talent/pages/rate/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

function withQuery(route: Route, query?: Record<string, string>): string {
  if (!query) return route
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return search ? `${route}?${search}` : route
}

/** Opens a page on top of the current one (back returns here). */
export function go(route: Route, query?: Record<string, string>): void {
  void Taro.navigateTo({ url: withQuery(route, query) }).catch(() =>
    // The page stack holds 10 pages at most: past that, replace the current one.
    Taro.redirectTo({ url: withQuery(route, query) }),
  )
}

/** Replaces the current page (a finished step should not be returned to with back). */
export function replace(route: Route, query?: Record<string, string>): void {
  void Taro.redirectTo({ url: withQuery(route, query) })
}

/** Back to the home page, dropping the pages in between. */
export function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home })
}
