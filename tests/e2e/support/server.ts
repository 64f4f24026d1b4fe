/**
 * The real API server as a child process (tsx, development mode, SQLite in a temp DATA_DIR),
 * serving dist/h5 at / and the staff console (packages/console/dist) at /admin/ from the same
 * origin, on a free loopback port the server picks itself.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { CONSOLE_DIR, H5_DIR, SERVER_DIR } from './paths'
import { stopProcess, track, waitUntil } from './processes'

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string
  api: string
  pid: number
  dataDir: string
  /** Everything the server printed so far. */
  output: () => string
  stop: () => Promise<void>
}

/** Settings of a developer's shell that would change what the suite talks to. */
const INHERITED_OUT = [
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'REGISTRY_FILE',
  'REGISTRY_URL',
  'REVIEWER_TOKENS',
  'ID_ENCRYPTION_KEY',
  'CORS_ORIGINS',
  'WECHAT_APPID',
  'WECHAT_SECRET',
  'ALIPAY_APPID',
  'ALIPAY_PRIVATE_KEY',
  'ALIPAY_PUBLIC_KEY',
]

export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of INHERITED_OUT) delete env[name]
  // Jest sets NODE_ENV=test; the development identities and /dev/clock need development.
  return { ...env, NODE_ENV: 'development', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extra }
}

export async function startServer(options: { dataDir: string; staticDir?: string; consoleDir?: string }): Promise<RunningServer> {
  const child: ChildProcess = track(
    // `node --import tsx` rather than the tsx launcher: one process, so its PID is the server's.
    spawn(process.execPath, ['--import', 'tsx', join('src', 'main.ts')], {
      cwd: SERVER_DIR,
      env: serverEnv({ PORT: '0', DATA_DIR: options.dataDir, STATIC_DIR: options.staticDir ?? H5_DIR, CONSOLE_DIR: options.consoleDir ?? CONSOLE_DIR }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))

  let origin: string | undefined
  const listening = await waitUntil(() => {
    origin = /listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output)?.[1]
    return origin !== undefined || child.exitCode !== null
  }, 90_000)
  if (!listening || origin === undefined) {
    await stopProcess(child)
    throw new Error(`the server did not start:\n${output}`)
  }
  const api = `${origin}/api/v1`
  const healthy = await waitUntil(async () => {
    try {
      return (await fetch(`${api}/healthz`)).ok
    } catch {
      return false
    }
  }, 45_000)
  if (!healthy) {
    await stopProcess(child)
    throw new Error(`the server never answered /healthz:\n${output}`)
  }
  return {
    origin,
    api,
    pid: child.pid as number,
    dataDir: options.dataDir,
    output: () => output,
    stop: () => stopProcess(child),
  }
}
