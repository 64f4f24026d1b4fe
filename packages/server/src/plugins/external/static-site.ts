/**
 * Pages served beside the API, so one origin carries pages and API (the staff cookie needs it):
 * STATIC_DIR, a built H5 folder, at /; CONSOLE_DIR, the built staff console, at /admin/.
 * Unknown page paths fall back to the index.html of their app (each app's router owns its paths):
 * /admin/… to the console's, anything else to the H5 page's. Unknown /api paths stay JSON 404s.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ConfigError } from '../../config'
import { isApiUrl } from './api-path'
import { notFoundBody } from './error-handler'

export const CONSOLE_PREFIX = '/admin/'

const isConsoleUrl = (url: string): boolean => url === '/admin' || url.startsWith(CONSOLE_PREFIX) || url.startsWith('/admin?')

const wantsPage = (request: FastifyRequest): boolean =>
  request.method === 'GET' && !isApiUrl(request.url) && (request.headers.accept ?? '').includes('text/html')

function siteRoot(dir: string, what: string): string {
  const root = resolve(dir)
  if (!existsSync(join(root, 'index.html'))) throw new ConfigError(`${what}（${root}）中没有 index.html，请先构建。`)
  return root
}

export async function serveStaticSite(app: FastifyInstance, dir: string | undefined): Promise<void> {
  const h5Root = dir === undefined ? undefined : siteRoot(dir, 'STATIC_DIR')
  const consoleDir = app.ctx.config.consoleDir
  const consoleRoot = consoleDir === undefined ? undefined : siteRoot(consoleDir, 'CONSOLE_DIR（控制台）')

  if (h5Root !== undefined) {
    await app.register(fastifyStatic, { root: h5Root, prefix: '/', wildcard: true, index: ['index.html'] })
  }
  if (consoleRoot !== undefined) {
    await app.register(fastifyStatic, {
      root: consoleRoot,
      prefix: CONSOLE_PREFIX,
      wildcard: true,
      index: ['index.html'],
      // The first registration decorates reply.sendFile; a second one must not.
      decorateReply: h5Root === undefined,
      // Vite names every asset by its content hash: it may be cached for good. index.html may not.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.startsWith(join(consoleRoot, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
    app.get('/admin', (_request, reply) => reply.redirect(CONSOLE_PREFIX))
  }

  app.setNotFoundHandler((request, reply) => {
    if (wantsPage(request)) {
      if (consoleRoot !== undefined && isConsoleUrl(request.url)) return reply.header('cache-control', 'no-cache').sendFile('index.html', consoleRoot)
      if (h5Root !== undefined && !isConsoleUrl(request.url)) return reply.sendFile('index.html', h5Root)
    }
    return reply.status(404).send(notFoundBody())
  })
}
