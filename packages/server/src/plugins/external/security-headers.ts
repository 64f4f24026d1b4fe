/**
 * Security headers, computed once. JSON answers of the API get the short set OWASP's REST
 * Security Cheat Sheet asks for; everything else (the H5 pages of STATIC_DIR, their fallback) gets
 * helmet's full set, whose document-only headers (cross-origin opener policy, DNS prefetch,
 * origin-agent-cluster, IE download options…) mean nothing to a JSON answer but cost every one
 * of them about a kilobyte of header text to validate and write.
 *
 * Neither set depends on the request (no CSP nonces), yet @fastify/helmet rebuilds helmet's
 * middleware from its options on every request; here helmet runs once at start.
 */
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isApiUrl } from './api-path'

export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined)
  return headers
}

/**
 * For /api/*: nothing an answer carries may be stored by a browser or proxy (it holds personal
 * data), loaded as anything but what its content type says, framed, or run as a document. A
 * route may still set its own cache-control (photos: `private, no-store`).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
})

export function addSecurityHeaders(app: FastifyInstance, pageOptions: HelmetOptions): void {
  const pageHeaders = helmetHeaders(pageOptions)
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(isApiUrl(request.url) ? API_SECURITY_HEADERS : pageHeaders)
    done()
  })
}
