/**
 * Window intake for `window-clerk` accounts (design.md, "Window intake"): file an application for
 * the applicant at the counter, complete the form, photograph the originals, submit, print the
 * 业务办理回执 and record the applicant's signature. Roles are checked here by staffGuard; the
 * clerk's district in the service (another window's application: 404).
 */
import type { FastifyInstance } from 'fastify'
import { staffOf } from '../../plugins/app/staff-auth'
import { RECEIPT_CSP } from '../../services/staff/window-receipt'
import { readPhotoForm, registerPhotoMultipart } from '../photo-upload'

const objectBody = { type: 'object' } as const
type WithNo = { Params: { no: string } }
type Body = Record<string, unknown>

export default async function windowApplicationRoutes(app: FastifyInstance): Promise<void> {
  const { windowIntake } = app.services
  const clerks = app.staffGuard(['window-clerk'])

  app.post('/staff/window-applications', { onRequest: clerks, schema: { body: objectBody } }, async (request, reply) => {
    const created = await windowIntake.create(staffOf(request), request.body as Body, request.ip)
    return reply.code(201).send(created)
  })

  app.get<WithNo>('/staff/window-applications/:no', { onRequest: clerks }, async (request) =>
    windowIntake.view(staffOf(request), request.params.no, request.ip),
  )

  app.put<WithNo>('/staff/window-applications/:no', { onRequest: clerks, schema: { body: objectBody } }, async (request) =>
    windowIntake.update(staffOf(request), request.params.no, request.body as Body, request.ip),
  )

  await app.register(async (uploads) => {
    await registerPhotoMultipart(uploads)
    uploads.post<WithNo>('/staff/window-applications/:no/photos', { onRequest: clerks }, async (request) => {
      const { kind, file } = await readPhotoForm(request)
      return windowIntake.upload(staffOf(request), request.params.no, kind, file, request.ip)
    })
  })

  app.post<WithNo>('/staff/window-applications/:no/submit', { onRequest: clerks }, async (request) =>
    windowIntake.submit(staffOf(request), request.params.no, request.ip),
  )

  app.get<WithNo>('/staff/window-applications/:no/receipt', { onRequest: clerks }, async (request, reply) => {
    const html = await windowIntake.receipt(staffOf(request), request.params.no, request.ip)
    // A page to print, framed by the console on the same origin: its own stylesheet and nothing else.
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', RECEIPT_CSP)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'private, no-store')
      .send(html)
  })

  app.post<WithNo>('/staff/window-applications/:no/signed', { onRequest: clerks }, async (request) =>
    windowIntake.signed(staffOf(request), request.params.no, request.ip),
  )
}
