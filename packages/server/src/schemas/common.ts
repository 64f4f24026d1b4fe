/**
 * Schemas every area uses: the error body, the security requirements of the three kinds of caller,
 * and small builders. Plain JSON Schema (`as const`), compiled by Fastify: Ajv validates requests,
 * fast-json-stringify writes answers, @fastify/swagger turns both into the OpenAPI document.
 *
 * Request schemas hold types and limits only: core still decides every rule and answers with its
 * own Chinese message naming the field. Response schemas name every field a route sends; an
 * object whose members are not fixed says `additionalProperties: true`, because
 * fast-json-stringify drops any member a schema does not name.
 */

/** `{error: {code, message, field?}}`, plus top-level members some errors add (errors, office, mismatch, existing…). */
export const ErrorSchema = {
  $id: 'Error',
  type: 'object',
  description: '错误：code 为机器可读的错误码，message 为中文提示，field 为出错的字段（点分路径）。',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: '错误码，如 VALIDATION、NOT_FOUND、UNAUTHORIZED' },
        message: { type: 'string', description: '中文提示，告诉用户该怎么做' },
        field: { type: 'string', description: '出错的字段，如 details.mobile' },
      },
    },
  },
  additionalProperties: true,
} as const

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求无法解析（如不是有效的 JSON）',
  401: '未登录或登录已失效',
  403: '无权进行此操作（角色不符、缺少控制台标识、须先修改密码或绑定动态验证码等）',
  404: '没有找到，或不属于当前用户',
  409: '状态冲突（如已提交、已被他人处理）',
  413: '内容太大',
  415: '内容类型不受支持',
  422: '校验未通过，field 指出字段',
  423: '账号已锁定',
  429: '操作太频繁，请稍等一分钟再试',
  500: '服务器内部错误',
  503: '服务暂时不可用（数据库或依赖的系统不可达、服务正在停止），请稍后重试',
}

/** The error answers of a route, by status: each the shared error body. */
export function errorResponses(...statuses: number[]): Record<number, { description: string; $ref: string }> {
  return Object.fromEntries(statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status] ?? '错误', $ref: 'Error#' }]))
}

/** A JSON Schema type that also allows null (OpenAPI 3.0: `nullable`; @fastify/swagger converts). */
export const nullable = <T extends string>(type: T) => ({ type: [type, 'null'] as [T, 'null'] })

export const str = { type: 'string' } as const
export const int = { type: 'integer' } as const
export const num = { type: 'number' } as const
export const bool = { type: 'boolean' } as const
export const nullableStr = nullable('string')
export const isoDay = { type: 'string', description: 'YYYY-MM-DD' } as const
export const isoMonth = { type: 'string', description: 'YYYY-MM' } as const
export const isoTime = { type: 'string', description: 'ISO 8601 时间' } as const

/** An object whose members are open (a core type with many optional parts, a detail record). */
export const openObject = (description: string) => ({ type: 'object', description, additionalProperties: true }) as const

/** Security requirements (components.securitySchemes in plugins/external/openapi.ts). */
export const PUBLIC_ACCESS = [] as const
export const APPLICANT_ACCESS = [{ applicantBearer: [] }]
export const REVIEWER_ACCESS = [{ reviewerBearer: [] }]
/** Staff reads: the session cookie. Changes also need `X-Requested-With: zhihui-console` (CSRF). */
export const STAFF_READ = [{ staffCookie: [] }]
export const STAFF_CHANGE = [{ staffCookie: [], consoleHeader: [] }]

/** `Idempotency-Key`: the same key gives the same answer and files once. */
export const idempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': { type: 'string', description: '幂等键（1–128 个可见 ASCII 字符）：同一个键重复提交只受理一次，答复相同' },
  },
} as const

/** Path parameters, all strings. */
export function params<K extends string>(...names: K[]) {
  const descriptions: Record<string, string> = {
    no: '申请编号，如 ZZ2026112800001',
    photoId: '照片编号',
    id: '编号',
    username: '工作人员用户名',
    talentId: '人才编号',
  }
  return {
    type: 'object',
    required: names,
    properties: Object.fromEntries(names.map((name) => [name, { type: 'string', description: descriptions[name] ?? name }])) as Record<
      K,
      { type: 'string'; description: string }
    >,
  } as const
}

/** A query string of optional text parameters (the server reads and checks them itself). */
export function query<K extends string>(described: Record<K, string>) {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(described).map(([name, description]) => [name, { type: 'string', description }])) as Record<
      K,
      { type: 'string'; description: string }
    >,
  } as const
}

/** A binary answer (a photo, a spreadsheet, a CSV): documented by content type, never serialized. */
export function fileResponse(description: string, ...contentTypes: string[]) {
  return {
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  }
}

/** A `multipart/form-data` photo upload (`kind` + `file`): documented only; the route reads the parts itself. */
export const photoUploadBody = {
  description: '照片，multipart/form-data：kind 为证件类型，file 为 JPEG 或 PNG（不超过 5 MB）',
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['kind', 'file'],
        properties: {
          kind: { type: 'string', description: '证件类型（DocumentKind），如 id-card、graduation-certificate' },
          file: { type: 'string', format: 'binary', description: 'JPEG 或 PNG 照片' },
        },
      },
    },
  },
} as const
