/**
 * Where photo bytes live. Keys are chosen by the server (never by the client), e.g.
 * `<applicationId>/<photoId>.jpg`. Three stores keep this contract (PHOTO_STORE): local disk (the
 * default), any S3-compatible store, and a PostgreSQL table; tests/server/photo-stores.test.ts
 * runs the same checks against each.
 */
export interface PhotoStorage {
  /** Which store this is, for /readyz and the backup manifest. */
  readonly kind: 'disk' | 's3' | 'postgres' | 'custom'
  put(key: string, data: Buffer): Promise<void>
  /** null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>
  /** Removing a missing key is not an error: a replaced photo may already be gone. */
  remove(key: string): Promise<void>
  /** Every stored key, in no particular order (backups). */
  list(): AsyncIterable<string>
  /** Resolves when the store can be written to now; rejects with the reason otherwise (/readyz). */
  check(): Promise<void>
  /** Lets go of connections (the S3 client's sockets); the store is not used afterwards. */
  close?(): Promise<void>
}

/** The keys the server makes: path segments of letters, digits and dashes, then .jpg or .png. */
export const SAFE_KEY = /^[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)*\.(jpg|png)$/

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`unsafe storage key: ${key}`)
}

export const contentTypeOf = (key: string): string => (key.endsWith('.png') ? 'image/png' : 'image/jpeg')

/**
 * The photo store cannot be reached (a network error, a timeout, a 5xx): like a database outage,
 * not the request's fault nor a bug, and it passes; the error handler answers 503 with Retry-After
 * so the app's retry waits and tries again, instead of a 500.
 */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE'
  constructor(readonly cause: unknown) {
    super(`photo store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'StorageUnavailableError'
  }
}
