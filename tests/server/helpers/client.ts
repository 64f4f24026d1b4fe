/** A thin client over app.inject that speaks the API the way the mini-program does. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { RegistryEntry } from '../../../packages/server/src/registry'
import { photo } from './photos'

export const API = '/api/v1'
export const REVIEWER = 'dev-reviewer-token'

type Json = Record<string, unknown>

export interface Sent {
  status: number
  body: Json
  raw: LightMyRequestResponse
}

export function wrap(raw: LightMyRequestResponse): Sent {
  const type = String(raw.headers['content-type'] ?? '')
  return { status: raw.statusCode, body: type.includes('json') ? (raw.json() as Json) : {}, raw }
}

/** A valid form of an employed bachelor graduate of 2024 settled in 金水区. */
export function validForm(overrides: { facts?: Json; details?: Json } = {}) {
  return {
    facts: {
      education: 'bachelor',
      graduationDate: '2024-06-30',
      overseasReturnee: false,
      hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-08-15' },
      employment: { kind: 'employed', employer: '郑州宇通客车股份有限公司' },
      ...overrides.facts,
    },
    details: {
      mobile: '13803711234',
      school: '郑州大学',
      major: '计算机科学与技术',
      graduationCertificateNo: '104591202405000123',
      degreeCertificateNo: '1045942024000123',
      ...overrides.details,
    },
  }
}

export function multipart(fields: Record<string, string>, file?: { data: Buffer; filename: string; contentType: string }) {
  const boundary = `----zhihui${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  if (file !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export class Client {
  constructor(
    private readonly app: () => FastifyInstance,
    readonly token?: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.token !== undefined ? { authorization: `Bearer ${this.token}` } : {}), ...extra }
  }

  async get(path: string): Promise<Sent> {
    return wrap(await this.app().inject({ method: 'GET', url: API + path, headers: this.headers() }))
  }

  async send(method: 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> {
    return wrap(
      await this.app().inject({
        method,
        url: API + path,
        headers: this.headers(headers),
        ...(body !== undefined ? { payload: body as Json } : {}),
      }),
    )
  }

  bind(person: RegistryEntry): Promise<Sent> {
    return this.send('POST', '/card-binding', {
      consent: true,
      name: person.name,
      idNumber: person.idNumber,
      cardNumber: person.cardNumber,
    })
  }

  async upload(kind: string, data: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg'): Promise<Sent> {
    const form = multipart({ kind }, { data, filename, contentType })
    return wrap(
      await this.app().inject({ method: 'POST', url: `${API}/application/photos`, headers: this.headers(form.headers), payload: form.payload }),
    )
  }

  submit(key: string): Promise<Sent> {
    return this.send('POST', '/application/submit', undefined, { 'idempotency-key': key })
  }
}

export async function login(app: () => FastifyInstance, code: string, platform = 'h5'): Promise<Client> {
  const res = wrap(await app().inject({ method: 'POST', url: `${API}/sessions`, payload: { platform, code } }))
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return new Client(app, res.body.token as string)
}

export const reviewer = (app: () => FastifyInstance): Client => new Client(app, REVIEWER)

let cachedPhoto: Promise<Buffer> | undefined
export const samplePhoto = (): Promise<Buffer> => (cachedPhoto ??= photo())

/** Logs in, binds `person`, saves a valid form and uploads every required photo. */
export async function readyApplicant(app: () => FastifyInstance, code: string, person: RegistryEntry, form = validForm()): Promise<Client> {
  const client = await login(app, code)
  const bound = await client.bind(person)
  if (bound.status !== 200) throw new Error(`bind failed: ${JSON.stringify(bound.body)}`)
  const saved = await client.send('PUT', '/application', form)
  if (saved.status !== 200) throw new Error(`save failed: ${JSON.stringify(saved.body)}`)
  const required = (saved.body.application as { requiredDocuments: { kind: string }[] }).requiredDocuments
  const data = await samplePhoto()
  for (const doc of required) {
    const up = await client.upload(doc.kind, data)
    if (up.status !== 200) throw new Error(`upload failed: ${JSON.stringify(up.body)}`)
  }
  return client
}

/** Submits and returns the application number. */
export async function submitted(app: () => FastifyInstance, code: string, person: RegistryEntry): Promise<{ client: Client; no: string }> {
  const client = await readyApplicant(app, code, person)
  const res = await client.submit(`key-${code}`)
  if (res.status !== 200) throw new Error(`submit failed: ${JSON.stringify(res.body)}`)
  return { client, no: res.body.applicationNo as string }
}
