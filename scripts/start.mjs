// `npm start`: the whole product on its embedded defaults, for a newcomer to try.
// Builds the H5 page, starts the API server (SQLite in ./data, local photo storage, the demo
// social-security registry) serving that page from the same origin, waits until it answers
// /api/v1/healthz, then prints where to go and how to act as a reviewer. Ctrl-C stops everything
// this script started.
//
//   npm start                  build H5, then serve page + API on http://127.0.0.1:8787
//   npm start -- --no-build    reuse an existing dist/h5
//   PORT=9000 DATA_DIR=/tmp/x npm start        (PORT=0 picks a free port)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const h5Dir = join(root, 'dist', 'h5')
const serverDir = join(root, 'packages', 'server')
const HEALTH_TIMEOUT_MS = 60_000
const REVIEW_COMMANDS = [
  ['list', '待审核的申请'],
  ['show <申请编号>', '一份申请的详情'],
  ['approve <申请编号>', '审核通过'],
  ['reject <申请编号> --reason <证件或字段>:<代码>:<原因>', '退回，如 --reason hukou:PAGE:请上传户口本本人页'],
  ['notice <申请编号…>', '公示（7个工作日）'],
  ['pay <申请编号…>', '公示结束后发放'],
  ['outbox', '已发送的短信'],
]
const STOP_GRACE_MS = 10_000

if (!args.includes('--no-build')) {
  console.log('构建 H5 页面（需要几十秒）…')
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'taro-build.mjs'), 'h5'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error('H5 构建失败，未启动服务。')
    process.exit(1)
  }
} else if (!existsSync(join(h5Dir, 'index.html'))) {
  console.error('dist/h5 不存在：去掉 --no-build 再运行 npm start。')
  process.exit(1)
}

// A relative DATA_DIR is read from where the command was typed, as the server and the reviewer
// CLI read it (npm records that directory in INIT_CWD), so `npm run review` finds the same data.
const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? 'data')
// One JSON line per request buries what is printed below; LOG_LEVEL=info npm start brings them back.
const env = { ...process.env, STATIC_DIR: h5Dir, DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }
const review = process.env.DATA_DIR === undefined ? 'npm run review --' : `DATA_DIR=${dataDir} npm run review --`

// `node --import tsx` rather than the tsx launcher: one server process, whose PID this script
// holds. Its own process group: a terminal's Ctrl-C reaches only this script, which passes it on
// exactly once (a second SIGINT would cut the server's graceful close short).
const server = spawn(process.execPath, ['--import', 'tsx', join('src', 'main.ts')], {
  cwd: serverDir,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
})

// The server prints its banner (address, reviewer token, demo cards); echo it and read the
// address from it, which is right even when PORT=0 let the server choose.
let banner = ''
let resolveAddress
const address = new Promise((r) => (resolveAddress = r))
server.stdout.setEncoding('utf8').on('data', (chunk) => {
  process.stdout.write(chunk)
  if (banner.length < 64 * 1024) banner += chunk
  const found = /listening on (https?:\/\/\S+?)\/api\/v1/.exec(banner)
  if (found) resolveAddress(found[1])
})

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
  if (base === undefined || !(await waitForHealth(`${base}/api/v1/healthz`))) {
    console.error(`服务在 ${HEALTH_TIMEOUT_MS / 1000} 秒内没有就绪${base ? `：${base}/api/v1/healthz` : ''}，已停止。`)
    stopping = true
    server.kill('SIGTERM')
    process.exitCode = 1
  } else {
    const width = Math.max(...REVIEW_COMMANDS.map(([command]) => columns(`${review} ${command}`)))
    console.log(
      [
        '',
        `✓ 已就绪。用手机尺寸的浏览器窗口打开 H5 页面：${base}/`,
        `  同一地址提供 API：${base}/api/v1`,
        '  绑定社会保障卡时使用上面列出的演示人员（姓名 / 身份证号 / 卡号），每人对应一种情况。',
        '',
        '审核人员（在仓库根目录另开一个终端）：',
        ...REVIEW_COMMANDS.map(([command, what]) => `  ${review} ${command}${' '.repeat(width - columns(`${review} ${command}`))}  ${what}`),
        `  或 HTTP：curl -H "Authorization: Bearer dev-reviewer-token" ${base}/api/v1/review/applications`,
        `  跳过公示期（仅开发环境）：curl -X POST -H "Content-Type: application/json" -d '{"today":"YYYY-MM-DD"}' ${base}/api/v1/dev/clock`,
        '',
        '微信、支付宝小程序的开发构建（npm run dev:weapp / dev:alipay）访问同一个服务。',
        '按 Ctrl-C 停止。',
      ].join('\n'),
    )
  }
}

/** Terminal columns of a text: CJK characters take two. */
function columns(text) {
  return [...text].reduce((sum, char) => sum + (char.codePointAt(0) >= 0x2e80 ? 2 : 1), 0)
}

async function waitForHealth(url) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (!stopping && Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}
