/**
 * The API described as OpenAPI 3 (issue 13): @fastify/swagger collects every route's schema as it
 * is registered, and the document is served at GET /api/v1/openapi.json. In development a
 * browsable page (@fastify/swagger-ui) is served at /api/v1/docs; in production that path is 404.
 *
 * Registered before the routes (its onRoute hook must see them). Paths are documented relative to
 * the server `/api/v1`; the liveness routes registered again at the root are left out.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance, FastifySchema } from 'fastify'
import fp from 'fastify-plugin'
import { registerSharedSchemas } from '../../schemas'
import { errorResponses } from '../../schemas/common'
import { isApiUrl } from './api-path'

export const OPENAPI_PATH = '/api/v1/openapi.json'
export const DOCS_PREFIX = '/api/v1/docs'

/**
 * The docs page loads its own scripts, styles and the document from this origin. The API's CSP
 * (`default-src 'none'`, security-headers.ts) would block all of it, so the page's routes alone
 * get this policy instead; they exist only in development.
 */
export const DOCS_CSP =
  "default-src 'self'; base-uri 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'"

/** A route's schema may carry the multipart form it reads itself: documented, never validated. */
declare module 'fastify' {
  interface FastifySchema {
    /** `requestBody` of a multipart route (photo uploads), for the document only. */
    multipartBody?: { description?: string; content: Record<string, { schema: unknown }> }
  }
}

const TAGS = [
  { name: 'public', description: '无需登录：登录、窗口与网点、资讯、服务目录' },
  { name: 'applicant', description: '申请人（小程序登录后的 Bearer 令牌）：绑卡、填表、照片、提交、进度' },
  { name: 'review', description: '审核脚本（REVIEWER_TOKENS 中的 Bearer 令牌）' },
  { name: 'staff', description: '后台工作人员（zh_staff 会话 Cookie；修改类请求须带 X-Requested-With: zhihui-console）' },
  { name: 'talent', description: '高层次人才服务（申请人会话；后台见 staff）' },
  { name: 'dev', description: '仅开发环境：设置服务器日期、查看短信发件箱（生产环境 404）' },
  { name: 'health', description: '存活与就绪检查' },
]

function documented(schema: FastifySchema | undefined, url: string): FastifySchema {
  if (schema === undefined) return { hide: !isApiUrl(url) }
  // The root copies of /healthz and /readyz would collide with the /api/v1 ones once the server path is stripped.
  if (!isApiUrl(url)) return { ...schema, hide: true }
  const { multipartBody, ...rest } = schema
  const response = rest.response === undefined ? undefined : withDescriptions(rest.response as Record<string, Record<string, unknown>>)
  if (multipartBody === undefined) return { ...rest, response }
  const [type, media] = Object.entries(multipartBody.content)[0] ?? []
  return { ...rest, response, body: { ...(media?.schema as object), description: multipartBody.description }, consumes: [type ?? 'multipart/form-data'] } as FastifySchema
}

/**
 * Answers any route may give, documented on each: the shared rate limit (429), a failure of the
 * server (500), the database away or the server shutting down (503). Documentation only: an
 * answer without a schema of its own is written as plain JSON.
 */
const ANY_ROUTE = errorResponses(429, 500, 503)

/** A success answer whose schema says nothing of itself is described as 成功 (OpenAPI requires a description). */
function withDescriptions(response: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const described = Object.fromEntries(
    Object.entries(response).map(([status, schema]) => [
      status,
      typeof schema.description === 'string' || typeof schema.$ref === 'string' ? schema : { ...schema, description: '成功' },
    ]),
  )
  return { ...ANY_ROUTE, ...described }
}

export default fp<{ production: boolean }>(
  async (app: FastifyInstance, { production }) => {
    registerSharedSchemas(app)
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: '智汇郑州 API',
          description:
            '郑州市青年人才生活补贴申报、审核与发放，及高层次人才服务。所有错误答复为 {error: {code, message, field?}}，message 为中文提示。',
          version: '1',
        },
        servers: [{ url: '/api/v1', description: '本服务（相对地址）' }],
        tags: TAGS,
        components: {
          securitySchemes: {
            applicantBearer: { type: 'http', scheme: 'bearer', description: '申请人会话令牌：POST /sessions 的 token' },
            reviewerBearer: { type: 'http', scheme: 'bearer', description: '审核人员令牌（REVIEWER_TOKENS）' },
            staffCookie: { type: 'apiKey', in: 'cookie', name: 'zh_staff', description: '后台会话 Cookie：POST /staff/session 登录后设置' },
            consoleHeader: {
              type: 'apiKey',
              in: 'header',
              name: 'X-Requested-With',
              description: '防 CSRF：后台的 POST/PUT/PATCH/DELETE 请求须带 X-Requested-With: zhihui-console',
            },
          },
        },
      },
      // Shared schemas keep their names in components.schemas (Error, ApplicationView…).
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
      transform: ({ schema, url }) => ({ schema: documented(schema as FastifySchema | undefined, url), url }),
    })

    app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger())

    if (!production) {
      await app.register(swaggerUi, {
        routePrefix: DOCS_PREFIX,
        staticCSP: DOCS_CSP,
        uiConfig: { docExpansion: 'list', deepLinking: true },
      })
    }
  },
  { name: 'openapi' },
)
