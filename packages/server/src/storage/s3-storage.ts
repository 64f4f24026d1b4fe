/**
 * Photos in an S3-compatible bucket (PHOTO_STORE=s3): AWS S3, MinIO, Aliyun OSS, Huawei OBS, or
 * s3rver in the tests. One object per key, with its content type; the bucket must exist.
 *
 * Checksums only where an operation requires them: since 3.729 the SDK adds CRC32 checksums to
 * every upload by default, which several S3-compatible stores refuse or mishandle.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { PhotoStoreConfig } from '../config'
import { assertSafeKey, contentTypeOf, SAFE_KEY, StorageUnavailableError, type PhotoStorage } from './photo-storage'

type S3Config = Extract<PhotoStoreConfig, { kind: 's3' }>

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that does not answer must not hold an upload (or /readyz) for the SDK's defaults.
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 20_000 },
  })
}

const isMissing = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404
}

/** No answer at all (connection refused or timed out, no HTTP status), or the store's own 5xx. */
const isUnreachable = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  const status = e.$metadata?.httpStatusCode
  return status === undefined || status >= 500 || e.name === 'TimeoutError'
}

export function createS3Storage(config: S3Config, s3: S3Client = createS3Client(config)): PhotoStorage {
  const Bucket = config.bucket
  // Every call through here: an unreachable store becomes a 503 for the client (after the SDK's own retries).
  const client = {
    send: (async (command: Parameters<S3Client['send']>[0]) => {
      try {
        return await s3.send(command)
      } catch (error) {
        throw !isMissing(error) && isUnreachable(error) ? new StorageUnavailableError(error) : error
      }
    }) as S3Client['send'],
  }
  return {
    kind: 's3',
    async put(key, data) {
      assertSafeKey(key)
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: data, ContentType: contentTypeOf(key) }))
    },
    async get(key) {
      assertSafeKey(key)
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }))
        if (answer.Body === undefined) return null
        return Buffer.from(await answer.Body.transformToByteArray())
      } catch (error) {
        if (isMissing(error)) return null
        throw error
      }
    },
    async remove(key) {
      assertSafeKey(key)
      // S3 answers 204 for a missing key too.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    async *list() {
      for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket })) {
        for (const object of page.Contents ?? []) {
          if (object.Key !== undefined && SAFE_KEY.test(object.Key)) yield object.Key
        }
      }
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }))
    },
    async close() {
      s3.destroy()
    },
  }
}
