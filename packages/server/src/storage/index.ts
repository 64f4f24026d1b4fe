/**
 * The photo store PHOTO_STORE names: local disk (default), an S3-compatible bucket, or PostgreSQL.
 * The S3 client is loaded only when chosen: the AWS SDK alone takes longer to load than the rest
 * of the server's start.
 */
import { join } from 'node:path'
import { ConfigError, type ServerConfig } from '../config'
import type { DatabaseKind } from '../db/create-db'
import type { Db } from '../db/schema'
import { createLocalDiskStorage } from './local-disk-storage'
import type { PhotoStorage } from './photo-storage'
import { createPostgresStorage } from './postgres-storage'

export type { PhotoStorage } from './photo-storage'

export async function createPhotoStorage(config: Pick<ServerConfig, 'photoStore' | 'dataDir'>, db: Db, dbKind: DatabaseKind): Promise<PhotoStorage> {
  const store = config.photoStore
  switch (store.kind) {
    case 'disk':
      return createLocalDiskStorage(join(config.dataDir, 'photos'))
    case 's3':
      return (await import('./s3-storage')).createS3Storage(store)
    case 'postgres':
      // loadConfig refuses this already; a hand-made configuration gets the same answer.
      if (dbKind !== 'postgres') throw new ConfigError('PHOTO_STORE=postgres 需要 PostgreSQL（设置 DATABASE_URL）。')
      return createPostgresStorage(db)
  }
}
