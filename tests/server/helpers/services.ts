/**
 * Private dependencies for the tests of several instances: an s3rver bucket and a redis-server,
 * each on a free loopback port, in a temporary folder, started and stopped by the test that uses
 * it (never the machine's shared PostgreSQL or Redis).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// s3rver ships no types; its constructor and run/close are all the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * The PID of the redis-server answering on `port` (INFO over a plain socket: an ioredis client
 * would leave a timer behind for each failed try), or undefined when nothing answers yet.
 */
function redisPid(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let seen = ''
    const done = (pid: number | undefined) => {
      socket.destroy()
      resolve(pid)
    }
    socket.setTimeout(1_000, () => done(undefined))
    socket.on('error', () => done(undefined))
    socket.on('connect', () => socket.write('INFO server\r\n'))
    socket.on('data', (chunk) => {
      seen += chunk.toString()
      const pid = /process_id:(\d+)/.exec(seen)
      if (pid !== null) done(Number(pid[1]))
      else if (seen.startsWith('-')) done(undefined)
    })
  })
}

export interface LocalS3 {
  endpoint: string
  bucket: string
  /** The environment that points PHOTO_STORE at this bucket. */
  env: Record<string, string>
  close(): Promise<void>
}

export async function startS3(bucket = 'photos'): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'zhihui-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    env: {
      PHOTO_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      // s3rver's fixed development credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

export interface PrivateRedis {
  port: number
  url: string
  /** Stops the server (SIGTERM to its own PID) and waits until it is gone. */
  stop(): Promise<void>
  /** Starts it again on the same port. */
  start(): Promise<void>
  /** Stops it and removes its folder. */
  dispose(): Promise<void>
}

export async function startRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-redis-'))
  let child: ChildProcess | undefined
  let port = 0
  /** Starts redis-server on `port`; false when the server answering there is not ours (the port was taken meanwhile). */
  async function launch(): Promise<boolean> {
    const own = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    })
    child = own
    const deadline = Date.now() + 10_000
    for (;;) {
      const pid = await redisPid(port)
      if (pid === own.pid) return true
      if (pid !== undefined || own.exitCode !== null) {
        own.kill('SIGKILL')
        return false
      }
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  for (let attempt = 0; ; attempt++) {
    port = await freePort()
    if (await launch()) break
    if (attempt === 4) throw new Error('no free port for redis-server')
  }
  const handle: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (!(await launch())) throw new Error(`port ${port} was taken while redis-server was stopped`)
    },
    async stop() {
      const running = child
      child = undefined
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve())
        running.kill('SIGTERM')
      })
    },
    async dispose() {
      await handle.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return handle
}
