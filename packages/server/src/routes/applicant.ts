/** The applicant's routes: card binding, /me, the application, its photos, submit, withdraw. */
import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { MAX_PHOTO_BYTES } from '../services/photo-processing'
import { applicantOf } from '../plugins/app/auth'

const objectBody = { type: 'object' } as const

export default async function applicantRoutes(app: FastifyInstance): Promise<void> {
  const { services, ctx } = app
  app.addHook('onRequest', app.requireApplicant)

  app.post(
    '/card-binding',
    { schema: { body: objectBody }, config: { rateLimitPerMinute: ctx.config.rateLimit.authPerMinute } },
    async (request) => services.bindings.bind(applicantOf(request), request.body as Record<string, unknown>),
  )

  app.get('/me', async (request) => {
    const auth = applicantOf(request)
    const [binding, application] = await Promise.all([
      services.bindings.current(auth.personId),
      services.applications.summary(auth.personId),
    ])
    return { ...(binding !== undefined ? { binding } : {}), ...(application !== undefined ? { application } : {}) }
  })

  app.put('/application', { schema: { body: objectBody } }, async (request) =>
    services.applications.save(applicantOf(request), request.body as Record<string, unknown>),
  )

  app.get('/application', async (request, reply) =>
    reply.type('application/json; charset=utf-8').send(await services.applications.getJson(applicantOf(request))),
  )

  app.post('/application/withdraw', async (request) => services.applications.withdraw(applicantOf(request)))

  app.post('/application/submit', async (request) => {
    const header = request.headers['idempotency-key']
    return services.submissions.submit(applicantOf(request), typeof header === 'string' ? header : undefined)
  })

  // Multipart parsing only where photos arrive: registered globally it costs every request.
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 } })
    uploads.post('/application/photos', async (request) => {
      const auth = applicantOf(request)
      let kind: string | undefined
      let file: Buffer | undefined
      // Fields may come before or after the file: read the whole (size-limited) form first.
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer()
          if (part.fieldname === 'file') file = data
        } else if (part.fieldname === 'kind' && typeof part.value === 'string') {
          kind = part.value.trim()
        }
      }
      return services.photos.upload(auth, kind, file)
    })
  })

  app.get<{ Params: { photoId: string } }>('/application/photos/:photoId', async (request, reply) => {
    const photo = await services.photos.readOwn(applicantOf(request), request.params.photoId)
    return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
  })
}
