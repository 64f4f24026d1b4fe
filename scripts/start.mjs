// `npm start`: the whole product on its embedded defaults, for a newcomer to try.
// Builds the H5 page and the staff console, starts the API server (SQLite in ./data, local photo
// storage, the demo social-security registry) serving both from the same origin (the console at
// /admin/), waits until it answers /api/v1/healthz, then prints where to go and how to act as a
// reviewer. Ctrl-C stops everything this script started.
//
//   npm start                  build H5 + console, then serve pages + API on http://127.0.0.1:8787
//   npm start -- --no-build    reuse an existing dist/h5 and packages/console/dist
//   PORT=9000 DATA_DIR=/tmp/x npm start        (PORT=0 picks a free port)
import { resolve } from 'node:path'
import { buildPages, HEALTH_TIMEOUT_MS, pagesEnv, readyText, startServer, STOP_GRACE_MS, waitForHealth } from './lib/product.mjs'

const args = process.argv.slice(2)
const withConsole = buildPages(args)

// A relative DATA_DIR is read from where the command was typed, as the server and the reviewer
// CLI read it (npm records that directory in INIT_CWD), so `npm run review` finds the same data.
const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? 'data')
const env = { ...process.env, ...pagesEnv(withConsole), DATA_DIR: dataDir }
const review = process.env.DATA_DIR === undefined ? 'npm run review --' : `DATA_DIR=${dataDir} npm run review --`

// The server prints its banner (address, reviewer token, demo cards): echoed as it comes.
const { child: server, address } = startServer(env)

let stopping = false
let forceTimer
function stop(signal) {
  if (server.exitCode !== null || server.signalCode !== null) process.exit(0)
  if (stopping) {
    // Asked twice: do not wait any longer.
    server.kill('SIGKILL')
    return
  }
  stopping = true
  console.log('\n正在停止服务…')
  server.kill(signal)
  forceTimer = setTimeout(() => {
    console.error(`服务 ${STOP_GRACE_MS / 1000} 秒内没有停止，强制结束。`)
    server.kill('SIGKILL')
  }, STOP_GRACE_MS)
  forceTimer.unref()
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
// The terminal closed: the server is in another process group and would not hear of it.
process.on('SIGHUP', () => stop('SIGTERM'))
// However this script ends (short of SIGKILL), the server it started ends with it.
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
})
server.on('exit', (code, signal) => {
  clearTimeout(forceTimer)
  if (stopping) process.exit(0)
  console.error(`服务意外退出（${signal ?? `退出码 ${code}`}）。`)
  process.exit(code || 1)
})

const base = await Promise.race([address, new Promise((r) => setTimeout(() => r(undefined), HEALTH_TIMEOUT_MS).unref())])
if (!stopping) {
  if (base === undefined || !(await waitForHealth(`${base}/api/v1/healthz`, () => stopping))) {
    console.error(`服务在 ${HEALTH_TIMEOUT_MS / 1000} 秒内没有就绪${base ? `：${base}/api/v1/healthz` : ''}，已停止。`)
    stopping = true
    server.kill('SIGTERM')
    process.exitCode = 1
  } else {
    console.log(readyText(base, { review, withConsole }))
  }
}
