/**
 * The photo-store contract (storage/photo-storage.ts), run against each store PHOTO_STORE can
 * name: local disk, an S3-compatible bucket (s3rver, started here on a free loopback port in a
 * temporary folder) and the PostgreSQL table (when TEST_DATABASE_URL is set). Then the whole
 * app with PHOTO_STORE=s3: an upload lands in the bucket and reads back through the API.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Pool } from 'pg'
import { loadConfig } from '../../packages/server/src/config'
import { openDatabase } from '../../packages/server/src/db/create-db'
import { createLocalDiskStorage } from '../../packages/server/src/storage/local-disk-storage'
import type { PhotoStorage } from '../../packages/server/src/storage/photo-storage'
import { createPostgresStorage } from '../../packages/server/src/storage/postgres-storage'
import { StorageUnavailableError } from '../../packages/server/src/storage/photo-storage'
import { createS3Storage } from '../../packages/server/src/storage/s3-storage'
import { readyApplicant, samplePhoto } from './helpers/client'
import { testPerson } from './helpers/people'
import { startS3, type LocalS3 } from './helpers/services'
import { startTestApp } from './helpers/test-app'

// The root config runs this suite as a second project, where the per-project testTimeout does not apply.
jest.setTimeout(30_000)

const testDatabaseUrl = process.env.TEST_DATABASE_URL

let s3: LocalS3
const tempDirs: string[] = []
beforeAll(async () => {
  s3 = await startS3()
})
afterAll(async () => {
  await s3.close()
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

const s3Config = (bucket: string, endpoint = s3.endpoint) => ({
  kind: 's3' as const,
  bucket,
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  forcePathStyle: true,
})

async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = []
  for await (const key of keys) all.push(key)
  return all.sort()
}

interface Subject {
  store: PhotoStorage
  dispose(): Promise<void>
}

const stores: [string, () => Promise<Subject>][] = [
  [
    'disk',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zhihui-store-'))
      tempDirs.push(dir)
      return { store: createLocalDiskStorage(join(dir, 'photos')), dispose: async () => undefined }
    },
  ],
  [
    's3',
    async () => {
      const store = createS3Storage(s3Config(s3.bucket))
      // Every run of the contract starts from an empty bucket.
      for await (const key of store.list()) await store.remove(key)
      return { store, dispose: async () => store.close?.() }
    },
  ],
]
if (testDatabaseUrl !== undefined) {
  stores.push([
    'postgres',
    async () => {
      const schema = `t_store_${process.pid}_${randomBytes(3).toString('hex')}`
      const dataDir = mkdtempSync(join(tmpdir(), 'zhihui-store-'))
      tempDirs.push(dataDir)
      const { db } = await openDatabase({ dataDir, databaseUrl: testDatabaseUrl, databaseSchema: schema })
      return {
        store: createPostgresStorage(db),
        async dispose() {
          await db.destroy()
          const pool = new Pool({ connectionString: testDatabaseUrl, max: 1 })
          await pool.query(`drop schema if exists "${schema}" cascade`)
          // pg-boss keeps the outbound-message jobs in a schema of its own beside it.
          await pool.query(`drop schema if exists "${schema}_jobs" cascade`)
          await pool.end()
        },
      }
    },
  ])
}

describe.each(stores)('the %s photo store', (_name, make) => {
  let subject: Subject
  const store = () => subject.store
  beforeAll(async () => {
    subject = await make()
  })
  afterAll(() => subject.dispose())

  const a = Buffer.from(randomBytes(5000))
  const b = Buffer.from(randomBytes(3000))

  it('gives back exactly the bytes put under a key, and null for a key never put', async () => {
    await store().put('app-1/photo-1.jpg', a)
    expect((await store().get('app-1/photo-1.jpg'))?.equals(a)).toBe(true)
    expect(await store().get('app-1/never.jpg')).toBeNull()
  })

  it('replaces what a key held when it is put again', async () => {
    await store().put('app-1/photo-2.png', a)
    await store().put('app-1/photo-2.png', b)
    expect((await store().get('app-1/photo-2.png'))?.equals(b)).toBe(true)
  })

  it('removes a key, and removing a missing key is no error', async () => {
    await store().put('app-2/photo-3.jpg', b)
    await store().remove('app-2/photo-3.jpg')
    expect(await store().get('app-2/photo-3.jpg')).toBeNull()
    await expect(store().remove('app-2/photo-3.jpg')).resolves.toBeUndefined()
  })

  it('lists every stored key', async () => {
    expect(await collect(store().list())).toEqual(['app-1/photo-1.jpg', 'app-1/photo-2.png'])
  })

  it('refuses keys the server would never make', async () => {
    for (const key of ['../escape.jpg', 'app/../../x.jpg', 'app/photo.exe', '/abs.jpg', 'app//x.jpg']) {
      await expect(store().put(key, a)).rejects.toThrow(/unsafe storage key/)
    }
  })

  it('reports itself ready', async () => {
    await expect(store().check()).resolves.toBeUndefined()
  })
})

it('an S3 store that does not answer fails with StorageUnavailableError (a 503 for the client), a missing key still reads as none', async () => {
  const closed = createS3Storage(s3Config(s3.bucket, 'http://127.0.0.1:9'))
  try {
    await expect(closed.put('x/unreachable.jpg', Buffer.from('x'))).rejects.toBeInstanceOf(StorageUnavailableError)
    await expect(closed.get('x/unreachable.jpg')).rejects.toBeInstanceOf(StorageUnavailableError)
  } finally {
    await closed.close?.()
  }
  const reachable = createS3Storage(s3Config(s3.bucket))
  try {
    await expect(reachable.get('x/never-stored.jpg')).resolves.toBeNull()
  } finally {
    await reachable.close?.()
  }
})

it('an S3 store whose bucket does not exist is not ready', async () => {
  const store = createS3Storage(s3Config('no-such-bucket'))
  await expect(store.check()).rejects.toBeDefined()
  await store.close?.()
})

it('PHOTO_STORE=postgres is refused on SQLite, in Chinese, naming what to set', () => {
  expect(() => loadConfig({ PHOTO_STORE: 'postgres' }, '/tmp')).toThrow(/PHOTO_STORE=postgres 需要 PostgreSQL（设置 DATABASE_URL）/)
  expect(() => loadConfig({ PHOTO_STORE: 's3' }, '/tmp')).toThrow(/S3_BUCKET/)
  expect(() => loadConfig({ PHOTO_STORE: 'ftp' }, '/tmp')).toThrow(/PHOTO_STORE 只能是 disk、s3 或 postgres/)
  expect(() => loadConfig({ PHOTO_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-one' }, '/tmp')).toThrow(/S3_SECRET_ACCESS_KEY/)
  const s3Env = loadConfig({ PHOTO_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000' }, '/tmp').photoStore
  expect(s3Env).toMatchObject({ kind: 's3', bucket: 'b', region: 'us-east-1', forcePathStyle: true })
  expect(loadConfig({ PHOTO_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'https://oss-cn-zhengzhou.aliyuncs.com', S3_FORCE_PATH_STYLE: 'false' }, '/tmp').photoStore).toMatchObject({ forcePathStyle: false })
})

it('with PHOTO_STORE=s3 an uploaded photo is stored in the bucket, not on disk, and reads back through the API', async () => {
  const bucket = `app-${randomBytes(3).toString('hex')}`
  const own = await startS3(bucket)
  const t = await startTestApp({ env: own.env })
  try {
    const client = await readyApplicant(() => t.app, 's3-1', testPerson(40))
    const view = (await client.get('/application')).body
    const documents = view.documents as { kind: string; photoId: string; bytes: number }[]
    expect(documents.length).toBeGreaterThan(0)

    const read = await client.get(`/application/photos/${documents[0]!.photoId}`)
    expect(read.status).toBe(200)
    expect(read.raw.headers['content-type']).toBe('image/jpeg')
    expect(read.raw.rawPayload.length).toBe(documents[0]!.bytes)

    // The bytes are the object in the bucket, with its content type; nothing was written to DATA_DIR/photos.
    const direct = new S3Client({ endpoint: own.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
    const keys = await collect(createS3Storage(s3Config(bucket, own.endpoint)).list())
    expect(keys).toHaveLength(documents.length)
    const key = keys.find((k) => k.includes(documents[0]!.photoId))!
    const object = await direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(read.raw.rawPayload)).toBe(true)
    expect((await direct.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentType).toBe('image/jpeg')
    direct.destroy()
    const photosDir = join(t.dataDir, 'photos')
    expect(existsSync(photosDir) ? readdirSync(photosDir) : []).toEqual([])

    // A replaced photo is removed from the bucket too.
    await client.upload(documents[0]!.kind, await samplePhoto())
    expect(await collect(createS3Storage(s3Config(bucket, own.endpoint)).list())).toHaveLength(documents.length)
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ ok: true, checks: { photoStore: { status: 'up', kind: 's3' } } })
  } finally {
    await t.close()
    await own.close()
  }
})
