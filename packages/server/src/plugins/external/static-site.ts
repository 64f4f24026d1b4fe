/**
 * STATIC_DIR: serves a built H5 folder at / so one origin carries page and API. Unknown paths
 * outside /api fall back to index.html (the H5 router owns them); unknown /api paths stay JSON 404s.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { ConfigError } from '../../config'
import { isApiUrl } from './api-path'
import { notFoundBody } from './error-handler'

export async function serveStaticSite(app: FastifyInstance, dir: string | undefined): Promise<void> {
  if (dir === undefined) {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send(notFoundBody()))
    return
  }
  const root = resolve(dir)
  if (!existsSync(join(root, 'index.html'))) throw new ConfigError(`STATIC_DIR（${root}）中没有 index.html，请先构建 H5 页面。`)
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: ['index.html'] })
  app.setNotFoundHandler((request, reply) => {
    const page = request.method === 'GET' && !isApiUrl(request.url) && (request.headers.accept ?? '').includes('text/html')
    return page ? reply.sendFile('index.html') : reply.status(404).send(notFoundBody())
  })
}
