// `node scripts/backup.mjs [--out DIR]`: a backup of the running product into one folder, with the
// same environment the server reads (DATABASE_URL, DATABASE_SCHEMA, DATA_DIR, PHOTO_STORE, S3_*):
//
//   database.dump        PostgreSQL: pg_dump -Fc of DATABASE_SCHEMA (the photo_blobs rows left
//                        out: the photos are copied below whatever the store)
//   zhihui.sqlite        SQLite: an online copy (SQLite's backup API; the server may keep running)
//   photos/<key>         every photo, read through the photo store (disk, s3 or postgres), so a
//                        backup can be restored into another kind of store
//   id-encryption.key    development only: the key generated in DATA_DIR (without it the ID and
//                        card numbers in the dump cannot be read); with ID_ENCRYPTION_KEY set the
//                        key is NOT copied: keep it apart from the backups
//   manifest.json        what was copied, with a SHA-256 of every file (restore.mjs checks them)
//
// Photos are copied before the dump and once more after it (only keys new since): a photo is
// never changed under its key, so every photo the dump refers to is in the folder. DIR defaults to
// ./data/backups/<date-time> (data/ is ignored by git: a backup may hold the development key), and
// must be empty or new.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { option, pgConnection, pgProgram, run, sha256, sha256File } from './lib/run.mjs'
import { serverModules } from './lib/server-modules.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const cwd = process.env.INIT_CWD ?? process.cwd()
/** The folder being written, removed if the backup fails: a half backup must not pass for one. */
let unfinished

async function main() {
  const server = await serverModules()
  const config = server.loadConfig(process.env, cwd)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const out = resolve(cwd, option(args, '--out') ?? join('data', 'backups', stamp))
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`备份目录 ${out} 不是空的。`)
  mkdirSync(join(out, 'photos'), { recursive: true })
  unfinished = out
  const started = Date.now()

  // The photo store, and the database it may live in (opened as it is, never migrated).
  const opened = config.photoStore.kind === 'postgres' ? await server.openDatabase(config, { migrate: false }) : undefined
  const store = await server.createPhotoStorage(config, opened?.db, opened?.kind ?? 'sqlite')
  const photos = new Map()
  const copyPhotos = async () => {
    for await (const key of store.list()) {
      if (photos.has(key)) continue
      const data = await store.get(key)
      if (data === null) continue // removed (replaced) between the listing and now
      const path = join(out, 'photos', key)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, data, { mode: 0o600 })
      photos.set(key, { key, bytes: data.length, sha256: sha256(data) })
    }
  }

  try {
    await copyPhotos()
    let database
    if (config.databaseUrl !== undefined) {
      const schema = config.databaseSchema ?? 'public'
      const file = join(out, 'database.dump')
      const connection = pgConnection(config.databaseUrl)
      await run(
        pgProgram('pg_dump'),
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--schema=${schema}`,
          `--exclude-table-data=${schema}.photo_blobs`,
          `--file=${file}`,
          `--dbname=${connection.dbname}`,
        ],
        { env: connection.env },
      )
      database = { kind: 'postgres', schema, file: 'database.dump', bytes: statSync(file).size, sha256: await sha256File(file) }
    } else {
      const source = join(config.dataDir, server.SQLITE_FILE)
      if (!existsSync(source)) throw new Error(`没有找到 SQLite 数据库 ${source}（DATA_DIR 是否正确？）。`)
      const Database = createRequire(join(root, 'packages', 'server', 'package.json'))('better-sqlite3')
      const sqlite = new Database(source, { readonly: true, fileMustExist: true })
      const file = join(out, server.SQLITE_FILE)
      try {
        await sqlite.backup(file)
      } finally {
        sqlite.close()
      }
      database = { kind: 'sqlite', file: server.SQLITE_FILE, bytes: statSync(file).size, sha256: await sha256File(file) }
    }
    await copyPhotos()

    let idEncryptionKey = 'not included: the server is given ID_ENCRYPTION_KEY; restore with the same key'
    const devKey = join(config.dataDir, server.DEV_KEY_FILE)
    if (config.idEncryptionKey === undefined && !config.production && existsSync(devKey)) {
      copyFileSync(devKey, join(out, server.DEV_KEY_FILE))
      idEncryptionKey = `included (${server.DEV_KEY_FILE}): the development key generated in DATA_DIR`
    }

    const files = [...photos.values()].sort((a, b) => (a.key < b.key ? -1 : 1))
    const manifest = {
      format: 'zhihui-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database,
      photos: { store: store.kind, count: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files },
      idEncryptionKey,
    }
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
    unfinished = undefined
    console.log(
      `备份完成：${out}\n  数据库 ${database.kind}${database.schema ? `（schema ${database.schema}）` : ''} ${(database.bytes / 1024).toFixed(0)} KB\n  照片 ${files.length} 张，${(manifest.photos.bytes / 1024 / 1024).toFixed(1)} MB（来自 ${store.kind}）\n  用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
    )
  } finally {
    await store.close?.()
    await opened?.db.destroy()
  }
}

main().catch((error) => {
  if (unfinished !== undefined) rmSync(unfinished, { recursive: true, force: true })
  console.error(`备份失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
