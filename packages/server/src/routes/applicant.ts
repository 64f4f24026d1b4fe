/** The applicant's routes: card binding, /me, the application, its photos, submit, withdraw. */
import type { FastifyInstance } from 'fastify'
import { readPhotoForm, registerPhotoMultipart } from './photo-upload'
import { applicantOf } from '../plugins/app/auth'
import { applicationBody, cardBindingBody } from '../schemas/application'
import { APPLICANT_ACCESS, errorResponses, fileResponse, idempotencyHeaders, params, photoUploadBody } from '../schemas/common'

const tags = ['applicant']
const access = APPLICANT_ACCESS

export default async function applicantRoutes(app: FastifyInstance): Promise<void> {
  const { services, ctx } = app
  app.addHook('onRequest', app.requireApplicant)

  app.post(
    '/card-binding',
    {
      schema: {
        tags,
        summary: '绑定社保卡（与社保登记系统核对姓名、身份证号、社保卡号）',
        security: access,
        body: cardBindingBody,
        response: {
          200: { type: 'object', required: ['binding'], properties: { binding: { $ref: 'Binding#' } } },
          ...errorResponses(401, 409, 422, 429, 503),
        },
      },
      config: { rateLimitPerMinute: ctx.config.rateLimit.authPerMinute },
    },
    async (request) => services.bindings.bind(applicantOf(request), request.body as Record<string, unknown>),
  )

  const meSchema = {
    tags,
    summary: '我的绑卡信息（脱敏）与申请概况',
    security: access,
    response: {
      200: {
        type: 'object',
        description: '尚未绑卡、尚无申请时为 {}',
        properties: {
          binding: { $ref: 'Binding#' },
          application: {
            type: 'object',
            required: ['applicationNo', 'status'],
            properties: { applicationNo: { type: ['string', 'null'] }, status: { type: 'string' } },
          },
        },
      },
      ...errorResponses(401),
    },
  }
  app.get('/me', { schema: meSchema }, async (request) => {
    const auth = applicantOf(request)
    const [binding, application] = await Promise.all([
      services.bindings.current(auth.personId),
      services.applications.summary(auth.personId),
    ])
    return { ...(binding !== undefined ? { binding } : {}), ...(application !== undefined ? { application } : {}) }
  })

  const saveSchema = {
    tags,
    summary: '保存申请表（草稿），答复申请与资格检查结果',
    security: access,
    body: applicationBody,
    response: { 200: { $ref: 'SaveAnswer#' }, ...errorResponses(401, 409, 413, 415, 422) },
  }
  app.put('/application', { schema: saveSchema }, async (request) =>
    services.applications.save(applicantOf(request), request.body as Record<string, unknown>),
  )

  const viewSchema = {
    tags,
    summary: '我的申请：状态、时间线、退回原因、公示日期、补贴与每月发放明细',
    security: access,
    response: { 200: { $ref: 'ApplicationView#' }, ...errorResponses(401, 404) },
  }
  // The view is sent as the JSON text the service keeps (a poll costs no serialization); the schema documents it.
  app.get('/application', { schema: viewSchema }, async (request, reply) =>
    reply.type('application/json; charset=utf-8').send(await services.applications.getJson(applicantOf(request))),
  )

  const withdrawSchema = {
    tags,
    summary: '撤回申请（草稿、已提交或被退回的）',
    security: access,
    response: { 200: { $ref: 'ApplicationMoved#' }, ...errorResponses(401, 404, 409) },
  }
  app.post('/application/withdraw', { schema: withdrawSchema }, async (request) => services.applications.withdraw(applicantOf(request)))

  const submitSchema = {
    tags,
    summary: '提交申请（Idempotency-Key：重复提交只受理一次）',
    security: access,
    headers: idempotencyHeaders,
    response: { 200: { $ref: 'ApplicationMoved#' }, ...errorResponses(401, 404, 409, 422) },
  }
  app.post('/application/submit', { schema: submitSchema }, async (request) => {
    const header = request.headers['idempotency-key']
    return services.submissions.submit(applicantOf(request), typeof header === 'string' ? header : undefined)
  })

  await app.register(async (uploads) => {
    await registerPhotoMultipart(uploads)
    const uploadSchema = {
      tags,
      summary: '上传证件照片（multipart/form-data：kind 与 file）',
      security: access,
      multipartBody: photoUploadBody,
      response: { 200: { $ref: 'UploadedPhoto#' }, ...errorResponses(401, 404, 409, 413, 415, 422) },
    }
    uploads.post('/application/photos', { schema: uploadSchema }, async (request) => {
      const auth = applicantOf(request)
      const { kind, file } = await readPhotoForm(request)
      return services.photos.upload(auth, kind, file)
    })
  })

  const photoSchema = {
    tags,
    summary: '查看自己上传的照片',
    security: access,
    params: params('photoId'),
    response: { 200: fileResponse('照片', 'image/jpeg', 'image/png'), ...errorResponses(401, 404) },
  }
  app.get<{ Params: { photoId: string } }>('/application/photos/:photoId', { schema: photoSchema }, async (request, reply) => {
    const photo = await services.photos.readOwn(applicantOf(request), request.params.photoId)
    return reply.type(photo.contentType).header('cache-control', 'private, no-store').send(photo.data)
  })
}
