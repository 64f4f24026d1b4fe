// `node scripts/restore.mjs <backup folder>`: restores a backup made by backup.mjs into a fresh
// database or schema, named by the same environment the server reads (DATABASE_URL,
// DATABASE_SCHEMA, DATA_DIR, PHOTO_STORE, S3_*), so the restored copy can be started as it is:
//
//   DATABASE_URL=postgres://…/zhihui DATABASE_SCHEMA=drill_0601 node scripts/restore.mjs backups/2026-…
//   DATABASE_URL=postgres://…/zhihui DATABASE_SCHEMA=drill_0601 npm run start -w @zhihui/server
//
// - PostgreSQL: the database is created when missing; the schema must be new or empty (a restore
//   never writes over data). A backup of schema A restored as schema B: pg_restore puts A back under
//   its own name, so when the target database has no A the restore renames it to B afterwards, and
//   when it has (a drill beside the live schema) the restore goes through a scratch database of its
//   own (created, renamed there, dumped again, restored, dropped).
// - SQLite: the file is copied into DATA_DIR, which must not hold one yet.
// - Photos are put into the target's photo store (any kind, whatever the backup came from).
// - The development key in the backup is written to DATA_DIR (not over a different one); with
//   ID_ENCRYPTION_KEY set, it must be the key of the backed-up server.
// Every file is checked against the manifest's SHA-256 before anything is written.
import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pgConnection, pgProgram, run, sha256, sha256File } from './lib/run.mjs'
import { serverModules } from './lib/server-modules.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const requireServer = createRequire(join(root, 'packages', 'server', 'package.json'))
const cwd = process.env.INIT_CWD ?? process.cwd()
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/

async function verify(folder) {
  const manifestFile = join(folder, 'manifest.json')
  if (!existsSync(manifestFile)) throw new Error(`${folder} 中没有 manifest.json：不是 backup.mjs 生成的备份。`)
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
  if (manifest.format !== 'zhihui-backup' || manifest.version !== 1) throw new Error('不认识的备份格式。')
  if ((await sha256File(join(folder, manifest.database.file))) !== manifest.database.sha256) {
    throw new Error(`${manifest.database.file} 与清单中的校验值不符：备份已损坏。`)
  }
  for (const photo of manifest.photos.files) {
    const path = join(folder, 'photos', photo.key)
    if (!existsSync(path) || sha256(readFileSync(path)) !== photo.sha256) throw new Error(`照片 ${photo.key} 缺失或已损坏。`)
  }
  return manifest
}

/** Runs `work` with a pg client on `url`. */
async function withClient(url, work) {
  const { Client } = requireServer('pg')
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`

/** Another database on the same server (for CREATE/DROP DATABASE and the scratch copy). */
function databaseUrl(url, name) {
  const other = new URL(url)
  other.pathname = `/${name}`
  return other.href
}

async function ensureDatabase(url) {
  try {
    await withClient(url, async () => undefined)
    return false
  } catch (error) {
    if (error.code !== '3D000') throw error
    const name = decodeURIComponent(new URL(url).pathname.slice(1))
    await withClient(databaseUrl(url, 'postgres'), (client) => client.query(`create database ${quote(name)}`))
    return true
  }
}

async function pgRestore(file, url) {
  const connection = pgConnection(url)
  await run(pgProgram('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${connection.dbname}`, file], { env: connection.env })
}

async function restorePostgres(folder, manifest, config) {
  if (config.databaseUrl === undefined) throw new Error('这是 PostgreSQL 的备份：请用 DATABASE_URL（和 DATABASE_SCHEMA）指定恢复到哪里。')
  const url = config.databaseUrl
  const source = manifest.database.schema
  const target = config.databaseSchema ?? 'public'
  if (!SCHEMA.test(source)) throw new Error(`备份中的 schema 名称不正确：${source}`)
  const dump = join(folder, manifest.database.file)
  const created = await ensureDatabase(url)

  const { tables, sourceExists } = await withClient(url, async (client) => {
    const count = await client.query('select count(*)::int as n from pg_tables where schemaname = $1', [target])
    const present = await client.query('select 1 from pg_namespace where nspname = $1', [source])
    return { tables: count.rows[0].n, sourceExists: present.rowCount > 0 }
  })
  if (tables > 0) throw new Error(`schema ${target} 中已经有数据表：恢复只写入新的（或空的）schema 或数据库，不覆盖现有数据。`)
  // An empty target schema is made again by the restore (or the rename).
  if (target !== 'public') await withClient(url, (client) => client.query(`drop schema if exists ${quote(target)}`))

  if (source === target) {
    await pgRestore(dump, url)
  } else if (!sourceExists) {
    await pgRestore(dump, url)
    await withClient(url, (client) => client.query(`alter schema ${quote(source)} rename to ${quote(target)}`))
  } else {
    // The target database has a schema of the backup's name (the live one, in a drill): restore
    // into a scratch database, rename there, and bring the renamed schema over.
    const scratch = `zhihui_restore_${randomBytes(4).toString('hex')}`
    const scratchUrl = databaseUrl(url, scratch)
    const temp = mkdtempSync(join(tmpdir(), 'zhihui-restore-'))
    await withClient(databaseUrl(url, 'postgres'), (client) => client.query(`create database ${quote(scratch)}`))
    try {
      await pgRestore(dump, scratchUrl)
      await withClient(scratchUrl, (client) => client.query(`alter schema ${quote(source)} rename to ${quote(target)}`))
      const renamed = join(temp, 'renamed.dump')
      const connection = pgConnection(scratchUrl)
      await run(pgProgram('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--schema=${target}`, `--file=${renamed}`, `--dbname=${connection.dbname}`], {
        env: connection.env,
      })
      await pgRestore(renamed, url)
    } finally {
      rmSync(temp, { recursive: true, force: true })
      await withClient(databaseUrl(url, 'postgres'), (client) => client.query(`drop database if exists ${quote(scratch)} with (force)`))
    }
  }
  return `PostgreSQL ${new URL(url).pathname.slice(1)}，schema ${target}${created ? '（新建的数据库）' : ''}`
}

function restoreSqlite(folder, manifest, config, server) {
  if (config.databaseUrl !== undefined) throw new Error('这是 SQLite 的备份：恢复时不要设置 DATABASE_URL，用 DATA_DIR 指定新的数据目录。')
  const target = join(config.dataDir, server.SQLITE_FILE)
  if (existsSync(target)) throw new Error(`${target} 已经存在：恢复只写入新的数据目录，不覆盖现有数据。`)
  mkdirSync(config.dataDir, { recursive: true })
  copyFileSync(join(folder, manifest.database.file), target)
  return `SQLite ${target}`
}

function restoreKey(folder, config, server) {
  const copied = join(folder, server.DEV_KEY_FILE)
  if (!existsSync(copied)) {
    return config.idEncryptionKey === undefined
      ? '备份中没有开发密钥：启动时请设置备份来源服务器的 ID_ENCRYPTION_KEY，否则无法读取身份证号和卡号。'
      : '使用 ID_ENCRYPTION_KEY（须与备份来源服务器的相同）。'
  }
  if (config.idEncryptionKey !== undefined) return '已设置 ID_ENCRYPTION_KEY：备份中的开发密钥未使用（两者须相同）。'
  const target = join(config.dataDir, server.DEV_KEY_FILE)
  if (existsSync(target)) {
    if (readFileSync(target, 'utf8').trim() !== readFileSync(copied, 'utf8').trim()) {
      throw new Error(`${target} 中已有另一把密钥：请换一个新的 DATA_DIR，或设置 ID_ENCRYPTION_KEY。`)
    }
    return '开发密钥已在 DATA_DIR 中。'
  }
  mkdirSync(config.dataDir, { recursive: true })
  copyFileSync(copied, target)
  return `开发密钥已写入 ${target}`
}

async function main() {
  const folderArg = process.argv.slice(2).find((a) => !a.startsWith('--'))
  if (folderArg === undefined) throw new Error('用法：node scripts/restore.mjs <备份目录>（目标由 DATABASE_URL、DATABASE_SCHEMA、DATA_DIR、PHOTO_STORE 等指定）')
  const folder = resolve(cwd, folderArg)
  const started = Date.now()
  const server = await serverModules()
  const config = server.loadConfig(process.env, cwd)
  const manifest = await verify(folder)

  const key = restoreKey(folder, config, server)
  const database = manifest.database.kind === 'postgres' ? await restorePostgres(folder, manifest, config) : restoreSqlite(folder, manifest, config, server)

  const opened = config.photoStore.kind === 'postgres' ? await server.openDatabase(config, { migrate: false }) : undefined
  const store = await server.createPhotoStorage(config, opened?.db, opened?.kind ?? 'sqlite')
  try {
    for (const photo of manifest.photos.files) await store.put(photo.key, readFileSync(join(folder, 'photos', photo.key)))
  } finally {
    await store.close?.()
    await opened?.db.destroy()
  }
  console.log(
    `恢复完成（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）：\n  数据库：${database}\n  照片：${manifest.photos.files.length} 张写入 ${store.kind}\n  密钥：${key}`,
  )
}

main().catch((error) => {
  console.error(`恢复失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
