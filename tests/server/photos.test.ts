/** Photo uploads: only required kinds, only real JPEG/PNG, size limits, EXIF stripped, replaced on re-upload, private. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { creditCodeCheckChar } from '@zhihui/core'
import sharp from 'sharp'
import { MAX_STORED_BYTES } from '../../packages/server/src/services/photo-processing'
import { API, login, multipart, reviewer, submitted, validForm, wrap, type Client } from './helpers/client'
import { hasGpsIfd, PDF_BYTES, photo, photoWithGps } from './helpers/photos'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

let next = 100
async function drafted(form = validForm()): Promise<Client> {
  const n = next++
  const client = await login(app, `ph-${n}`)
  await client.bind(testPerson(n))
  const saved = await client.send('PUT', '/application', form)
  expect(saved.status).toBe(200)
  return client
}

const storedFile = async (photoId: string) => {
  const row = await t.app.ctx.db.selectFrom('photos').selectAll().where('id', '=', photoId).executeTakeFirstOrThrow()
  return { row, path: join(t.dataDir, 'photos', row.storage_key) }
}

describe('what may be uploaded', () => {
  it('needs a saved form first (409)', async () => {
    const client = await login(app, 'ph-no-form')
    await client.bind(testPerson(99))
    const res = await client.upload('id-card', await photo())
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'NO_APPLICATION' })
  })

  it('needs a bound card (409) and a form that validated, since it decides the documents (409)', async () => {
    const unbound = await login(app, 'ph-unbound-upload')
    const noCard = await unbound.upload('id-card', await photo())
    expect(noCard.status).toBe(409)
    expect(noCard.body.error).toMatchObject({ code: 'CARD_NOT_BOUND' })

    const client = await login(app, 'ph-invalid-form')
    await client.bind(testPerson(98))
    expect((await client.send('PUT', '/application', validForm({ facts: { graduationDate: 'soon' } }))).status).toBe(422)
    const res = await client.upload('id-card', await photo())
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'FORM_INCOMPLETE' })
  })

  it('takes only the kinds core requires of this applicant (422 otherwise, naming what is needed)', async () => {
    const employed = await drafted()
    const licence = await employed.upload('business-license', await photo())
    expect(licence.status).toBe(422)
    expect(licence.body.error).toMatchObject({ code: 'KIND_NOT_REQUIRED', field: 'kind', message: expect.stringContaining('营业执照') })
    expect((await employed.upload('passport', await photo())).body.error).toMatchObject({ field: 'kind' })
  })

  it('accepts a business licence from a self-employed applicant', async () => {
    const base = '91410100MA44CKQ3X'
    const code = base + creditCodeCheckChar(base)
    const client = await drafted(validForm({ facts: { employment: { kind: 'self-employed', creditCode: code } } }))
    const res = await client.upload('business-license', await photo())
    expect(res.status).toBe(200)
  })

  it('refuses a PDF renamed .jpg (415) and anything else that is not JPEG or PNG', async () => {
    const client = await drafted()
    const pdf = await client.upload('id-card', PDF_BYTES, 'scan.jpg', 'image/jpeg')
    expect(pdf.status).toBe(415)
    expect(pdf.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JPG') })
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(5000)])
    expect((await client.upload('id-card', gif, 'a.gif', 'image/gif')).status).toBe(415)
  })

  it('refuses a file over 5 MB (413)', async () => {
    const client = await drafted()
    const big = Buffer.concat([await photo(), Buffer.alloc(6 * 1024 * 1024)])
    const res = await client.upload('id-card', big)
    expect(res.status).toBe(413)
    expect(res.body.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('5 MB') })
  })

  it('refuses photos too small to read (422, in Chinese)', async () => {
    const client = await drafted()
    const tiny = await photo({ width: 40, height: 30 })
    expect(tiny.length).toBeLessThan(2048)
    const small = await client.upload('id-card', tiny)
    expect(small.status).toBe(422)
    expect(small.body.error).toMatchObject({ code: 'PHOTO_TOO_SMALL', field: 'file' })
    const lowRes = await client.upload('id-card', await photo({ width: 1000, height: 200 }))
    expect(lowRes.status).toBe(422)
    expect((lowRes.body.error as { message: string }).message).toContain('300')
  })

  it('refuses a broken JPEG (422) and a request that is not multipart (415) or has no file (422)', async () => {
    const client = await drafted()
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)])
    expect((await client.upload('id-card', broken)).body.error).toMatchObject({ code: 'PHOTO_UNREADABLE' })
    const json = await client.send('POST', '/application/photos', { kind: 'id-card' })
    expect(json.status).toBe(415)
    const form = multipart({ kind: 'id-card' })
    const noFile = wrap(
      await t.app.inject({ method: 'POST', url: `${API}/application/photos`, headers: { authorization: `Bearer ${client.token}`, ...form.headers }, payload: form.payload }),
    )
    expect(noFile.status).toBe(422)
    expect(noFile.body.error).toMatchObject({ field: 'file' })
  })

  it('asks which document a photo is (422 naming kind) and takes one photo per request (413)', async () => {
    const client = await drafted()
    const data = await photo()
    const noKind = multipart({}, { data, filename: 'a.jpg', contentType: 'image/jpeg' })
    const send = async (form: { payload: Buffer; headers: Record<string, string> }) =>
      wrap(await t.app.inject({ method: 'POST', url: `${API}/application/photos`, headers: { authorization: `Bearer ${client.token}`, ...form.headers }, payload: form.payload }))
    const unnamed = await send(noKind)
    expect(unnamed.status).toBe(422)
    expect(unnamed.body.error).toMatchObject({ field: 'kind', message: expect.stringContaining('身份证') })

    // The same form with a second file part appended before its closing boundary.
    const one = multipart({ kind: 'id-card' }, { data, filename: 'a.jpg', contentType: 'image/jpeg' })
    const boundary = /boundary=(.+)$/.exec(one.headers['content-type'])![1]!
    const closing = Buffer.from(`--${boundary}--\r\n`)
    const second = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      data,
      Buffer.from('\r\n'),
    ])
    const two = await send({ headers: one.headers, payload: Buffer.concat([one.payload.subarray(0, one.payload.length - closing.length), second, closing]) })
    expect(two.status).toBe(413)
    expect(two.body.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('一张') })
    expect(((await client.get('/application')).body.documents as unknown[]).length).toBe(0)
  })
})

describe('what is stored', () => {
  it('strips EXIF and GPS, applies the orientation and scales down to 1600 px', async () => {
    const client = await drafted()
    const original = await photoWithGps()
    const before = await sharp(original).metadata()
    expect(hasGpsIfd(before.exif)).toBe(true)
    expect(original.includes(Buffer.from('GPS Camera 12'))).toBe(true)
    expect(before.orientation).toBe(6)
    const res = await client.upload('id-card', original)
    expect(res.status).toBe(200)
    const { row, path } = await storedFile(res.body.photoId as string)
    const stored = readFileSync(path)
    expect(res.body).toEqual({ photoId: row.id, kind: 'id-card', bytes: stored.length })
    const after = await sharp(stored).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect(stored.includes(Buffer.from('GPS Camera 12'))).toBe(false)
    // 2400×1800 turned upright by orientation 6 is 1800×2400; scaled to a long edge of 1600.
    expect([after.width, after.height]).toEqual([1200, 1600])
  })

  it('never stores more than 400 KB: a heavy phone JPEG steps its quality down, a heavy PNG becomes JPEG', async () => {
    const client = await drafted()
    // Noise compresses badly, like a textured document photographed in poor light.
    const heavyJpeg = await sharp(await photo({ width: 1600, height: 1200, noise: true })).jpeg({ quality: 98 }).toBuffer()
    const heavyPng = await photo({ width: 1400, height: 1000, format: 'png' })
    expect(heavyJpeg.length).toBeGreaterThan(MAX_STORED_BYTES)
    expect(heavyPng.length).toBeGreaterThan(MAX_STORED_BYTES)
    for (const [kind, data, name, type] of [
      ['id-card', heavyJpeg, 'id.jpg', 'image/jpeg'],
      ['hukou', heavyPng, 'hukou.png', 'image/png'],
    ] as const) {
      const res = await client.upload(kind, data, name, type)
      expect(res.status).toBe(200)
      const stored = readFileSync((await storedFile(res.body.photoId as string)).path)
      expect(stored.length).toBeLessThanOrEqual(MAX_STORED_BYTES)
      expect((await sharp(stored).metadata()).format).toBe('jpeg')
    }
  })

  it('keeps a PNG that fits as PNG and answers the owner’s photo with its content type', async () => {
    const client = await drafted()
    const res = await client.upload('hukou', await photo({ format: 'png', width: 600, height: 400, noise: false }), 'page.png', 'image/png')
    expect(res.status).toBe(200)
    const got = await t.app.inject({ method: 'GET', url: `${API}/application/photos/${res.body.photoId as string}`, headers: { authorization: `Bearer ${client.token}` } })
    expect(got.statusCode).toBe(200)
    expect(got.headers['content-type']).toBe('image/png')
    expect(got.headers['cache-control']).toContain('no-store')
    expect(got.rawPayload.subarray(1, 4).toString()).toBe('PNG')
  })

  it('replaces an earlier photo of the same kind and removes the old file', async () => {
    const client = await drafted()
    const first = await client.upload('id-card', await photo())
    const { path: firstPath } = await storedFile(first.body.photoId as string)
    expect(existsSync(firstPath)).toBe(true)
    const second = await client.upload('id-card', await photo({ width: 900, height: 700 }))
    expect(second.status).toBe(200)
    expect(existsSync(firstPath)).toBe(false)
    const documents = (await client.get('/application')).body.documents as { kind: string; photoId: string }[]
    expect(documents).toEqual([{ kind: 'id-card', photoId: second.body.photoId, bytes: second.body.bytes }])
    expect((await client.get(`/application/photos/${first.body.photoId as string}`)).status).toBe(404)
  })

  it('takes several photos uploaded at once', async () => {
    const client = await drafted()
    const data = await photo()
    const results = await Promise.all(['id-card', 'hukou', 'graduation-certificate', 'degree-certificate'].map((kind) => client.upload(kind, data)))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(((await client.get('/application')).body.documents as unknown[]).length).toBe(4)
  })
})

describe('privacy and state', () => {
  it('shows a photo to nobody but its owner and the reviewers (404 for another applicant)', async () => {
    const { client: owner, no } = await submitted(app, 'ph-owner', testPerson(150))
    const photoId = ((await owner.get('/application')).body.documents as { photoId: string }[])[0]!.photoId
    const other = await drafted()
    expect((await other.get(`/application/photos/${photoId}`)).status).toBe(404)
    expect((await other.get('/application/photos/not-a-uuid')).status).toBe(404)
    const unbound = await login(app, 'ph-unbound')
    expect((await unbound.get(`/application/photos/${photoId}`)).status).toBe(404)
    expect((await owner.get(`/application/photos/${photoId}`)).status).toBe(200)
    expect((await reviewer(app).get(`/review/applications/${no}/photos/${photoId}`)).status).toBe(200)
  })

  it('refuses new photos once the application is submitted (409)', async () => {
    const { client } = await submitted(app, 'ph-submitted', testPerson(151))
    const res = await client.upload('id-card', await photo())
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'NOT_EDITABLE' })
  })
})
