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
import { applicationBody } from '../../schemas/application'
import { errorResponses, params, photoUploadBody, STAFF_CHANGE, STAFF_READ } from '../../schemas/common'
import { windowIntakeBody } from '../../schemas/staff'

type WithNo = { Params: { no: string } }
type Body = Record<string, unknown>
const tags = ['staff']
const byNo = params('no')

export default async function windowApplicationRoutes(app: FastifyInstance): Promise<void> {
  const { windowIntake } = app.services
  const clerks = app.staffGuard(['window-clerk'])

  const createSchema = {
    tags,
    summary: '窗口受理：与社保登记系统核对后建立申请（答复申请编号）',
    security: STAFF_CHANGE,
    body: windowIntakeBody,
    response: {
      201: {
        type: 'object',
        description: '已建立；errors 列出表单尚缺的内容',
        required: ['applicationNo', 'status'],
        properties: { applicationNo: { type: 'string' }, status: { type: 'string' }, errors: { type: 'array', items: { $ref: 'FieldError#' } } },
      },
      ...errorResponses(401, 403, 409, 422, 503),
    },
  }
  app.post('/staff/window-applications', { onRequest: clerks, schema: createSchema }, async (request, reply) => {
    const created = await windowIntake.create(staffOf(request), request.body as Body, request.ip)
    return reply.code(201).send(created)
  })

  const viewSchema = {
    tags,
    summary: '窗口申请（经办人继续办理）',
    security: STAFF_READ,
    params: byNo,
    response: { 200: { $ref: 'WindowApplicationView#' }, ...errorResponses(401, 403, 404) },
  }
  app.get<WithNo>('/staff/window-applications/:no', { onRequest: clerks, schema: viewSchema }, async (request) =>
    windowIntake.view(staffOf(request), request.params.no, request.ip),
  )

  const updateSchema = {
    tags,
    summary: '填写或更正窗口申请的表单',
    security: STAFF_CHANGE,
    params: byNo,
    body: applicationBody,
    response: { 200: { $ref: 'SaveAnswer#' }, ...errorResponses(401, 403, 404, 409, 422) },
  }
  app.put<WithNo>('/staff/window-applications/:no', { onRequest: clerks, schema: updateSchema }, async (request) =>
    windowIntake.update(staffOf(request), request.params.no, request.body as Body, request.ip),
  )

  await app.register(async (uploads) => {
    await registerPhotoMultipart(uploads)
    const uploadSchema = {
      tags,
      summary: '拍摄证件原件上传（multipart/form-data：kind 与 file）',
      security: STAFF_CHANGE,
      params: byNo,
      multipartBody: photoUploadBody,
      response: { 200: { $ref: 'UploadedPhoto#' }, ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
    }
    uploads.post<WithNo>('/staff/window-applications/:no/photos', { onRequest: clerks, schema: uploadSchema }, async (request) => {
      const { kind, file } = await readPhotoForm(request)
      return windowIntake.upload(staffOf(request), request.params.no, kind, file, request.ip)
    })
  })

  const submitSchema = {
    tags,
    summary: '提交窗口申请',
    security: STAFF_CHANGE,
    params: byNo,
    response: { 200: { $ref: 'ApplicationMoved#' }, ...errorResponses(401, 403, 404, 409, 422) },
  }
  app.post<WithNo>('/staff/window-applications/:no/submit', { onRequest: clerks, schema: submitSchema }, async (request) =>
    windowIntake.submit(staffOf(request), request.params.no, request.ip),
  )

  const receiptSchema = {
    tags,
    summary: '业务办理回执（打印用 HTML 页面，记入审计日志）',
    security: STAFF_READ,
    params: byNo,
    response: {
      200: { description: '回执页面', content: { 'text/html': { schema: { type: 'string' } } } },
      ...errorResponses(401, 403, 404, 409),
    },
  }
  app.get<WithNo>('/staff/window-applications/:no/receipt', { onRequest: clerks, schema: receiptSchema }, async (request, reply) => {
    const html = await windowIntake.receipt(staffOf(request), request.params.no, request.ip)
    // A page to print, framed by the console on the same origin: its own stylesheet and nothing else.
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', RECEIPT_CSP)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'private, no-store')
      .send(html)
  })

  const signedSchema = {
    tags,
    summary: '登记申请人已在回执上签字',
    security: STAFF_CHANGE,
    params: byNo,
    response: { 200: { $ref: 'ReceiptSignature#' }, ...errorResponses(401, 403, 404, 409) },
  }
  app.post<WithNo>('/staff/window-applications/:no/signed', { onRequest: clerks, schema: signedSchema }, async (request) =>
    windowIntake.signed(staffOf(request), request.params.no, request.ip),
  )
}
