/** The applicant's routes: card binding, /me, the application, its photos, submit, withdraw. */
import type { FastifyInstance } from 'fastify'
import { readPhotoForm, registerPhotoMultipart } from './photo-upload'
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

  await app.register(async (uploads) => {
    await registerPhotoMultipart(uploads)
    uploads.post('/application/photos', async (request) => {
      const auth = applicantOf(request)
      const { kind, file } = await readPhotoForm(request)
      return services.photos.upload(auth, kind, file)
    })
  })

  app.get<{ Params: { photoId: string } }>('/application/photos/:photoId', async (request, reply) => {
    const photo = await services.photos.readOwn(applicantOf(request), request.params.photoId)
    return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
  })
}
