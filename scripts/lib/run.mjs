// Small helpers shared by the operations scripts: running a program, hashing a file.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'

/** A PostgreSQL client program (pg_dump, pg_restore): from PG_BIN when set, else from PATH. */
export const pgProgram = (name) => (process.env.PG_BIN ? join(process.env.PG_BIN, name) : name)

/** Runs a program to its end; rejects with its stderr when it fails. Arguments never pass through a shell. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} 不在 PATH 中（PostgreSQL 客户端程序；可用 PG_BIN 指定目录）`) : error),
    )
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args[0] ?? ''} 失败（退出码 ${code}）：${stderr.trim()}`))))
  })
}

export function sha256File(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

export const sha256 = (data) => createHash('sha256').update(data).digest('hex')

/** The value after `--name`, or undefined. */
export function option(args, name) {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

/**
 * A postgres:// URL split for the client programs: the URL without its password (arguments are
 * visible to every user of the machine in `ps`), and the password in PGPASSWORD.
 */
export function pgConnection(url) {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.href, env: { ...process.env, ...(password !== '' ? { PGPASSWORD: password } : {}) } }
}
