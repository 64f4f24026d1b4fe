/**
 * A PostgreSQL server of the test's (or benchmark's) own, to be stopped and started again under
 * load: `initdb` into a temporary folder, `pg_ctl start` on a free loopback port with its socket in
 * that folder, `pg_ctl stop` of that folder only. The machine's shared PostgreSQL is never touched.
 * Redis: `startRedis` of ./services (a private redis-server), re-exported here so one import gives
 * both.
 *
 * PostgreSQL refuses to run as root: when this process is root, initdb and the server run as the
 * `postgres` system user (through runuser) in a folder handed over to it. `privatePostgresMissing()`
 * says why a private server cannot be had here (no initdb/pg_ctl, root without a postgres user), so
 * a test can skip with that message instead of failing.
 */
import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from './services'

export { startRedis, type PrivateRedis } from './services'

const SERVER_USER = 'postgres'

/** The folder holding initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else PATH (undefined when none has them). */
export function postgresBin(): string | undefined {
  const candidates: string[] = []
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN)
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((v) => join(debian, v, 'bin')))
  }
  candidates.push(...(process.env.PATH ?? '').split(':').filter((dir) => dir !== ''))
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'postgres')))
}

/** The uid/gid of the postgres system user (from /etc/passwd), for running as root. */
function serverUser(): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(`${SERVER_USER}:`))
    if (line === undefined) return undefined
    const [, , uid, gid] = line.split(':')
    return { uid: Number(uid), gid: Number(gid) }
  } catch {
    return undefined
  }
}

const asRoot = () => process.getuid?.() === 0

/** Why no private PostgreSQL can be started here, or undefined when one can. */
export function privatePostgresMissing(): string | undefined {
  if (postgresBin() === undefined) return 'initdb/pg_ctl not found (install the PostgreSQL server package, or set PG_BIN to the folder holding them)'
  if (asRoot() && (serverUser() === undefined || !existsSync('/usr/sbin/runuser'))) {
    return `running as root, and PostgreSQL refuses root: no "${SERVER_USER}" user or no runuser to start it as`
  }
  return undefined
}

function run(bin: string, program: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const [command, argv] = asRoot()
    ? ['/usr/sbin/runuser', ['-u', SERVER_USER, '--', join(bin, program), ...args]]
    : [join(bin, program), args]
  return new Promise((resolve, reject) => {
    execFile(command, argv, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(' ')} failed: ${error.message}\n${stderr}`))
      else resolve(stdout)
    })
  })
}

export interface PrivatePostgres {
  port: number
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string
  /** The postmaster's PID while it runs. */
  pid(): number | undefined
  /**
   * Stops the server: 'fast' (a planned restart: sessions are ended with 57P01, the shutdown
   * checkpoint is written), 'immediate' (a crash: no checkpoint, recovery at the next start).
   */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  /** Starts it again on the same port and data. */
  start(): Promise<void>
  /** Stops it (fast) and removes its folder. */
  dispose(): Promise<void>
}

export async function startPostgres(options: { settings?: Record<string, string> } = {}): Promise<PrivatePostgres> {
  const missing = privatePostgresMissing()
  if (missing !== undefined) throw new Error(`no private PostgreSQL: ${missing}`)
  const bin = postgresBin()!
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-pg-'))
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  if (asRoot()) {
    const user = serverUser()!
    chownSync(dir, user.uid, user.gid)
  }
  await run(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'])
  let port = 0
  let running = false
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    max_connections: '100',
    ...options.settings,
  }
  const launch = async () => {
    const server = Object.entries({ port: String(port), ...settings })
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ')
    await run(bin, 'pg_ctl', ['-D', data, '-l', log, '-o', server, '-w', '-t', '60', 'start'])
    running = true
  }
  for (let attempt = 0; ; attempt++) {
    port = await freePort()
    try {
      await launch()
      break
    } catch (error) {
      // The free port was taken meanwhile: try another.
      if (attempt === 3) {
        rmSync(dir, { recursive: true, force: true })
        throw error
      }
    }
  }
  const handle: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid() {
      try {
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
      } catch {
        return undefined
      }
    },
    async stop(mode = 'fast') {
      if (!running) return
      await run(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop'])
      running = false
    },
    async start() {
      if (running) return
      await launch()
    },
    async dispose() {
      await handle.stop('fast').catch(async () => handle.stop('immediate'))
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return handle
}

/** Who runs the private servers (for messages). */
export const privateServerUser = (): string => (asRoot() ? SERVER_USER : userInfo().username)
