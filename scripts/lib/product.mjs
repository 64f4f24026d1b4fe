// What `npm start` (scripts/start.mjs) and `npm run start:cluster` (scripts/start-cluster.mjs)
// share: building the pages, the environment that makes a server serve them, starting one API
// server process, waiting for it, and the text printed once the product is ready.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const h5Dir = join(root, 'dist', 'h5')
const consolePackage = join(root, 'packages', 'console')
export const consoleDir = join(consolePackage, 'dist')
export const serverDir = join(root, 'packages', 'server')
export const HEALTH_TIMEOUT_MS = 60_000
export const STOP_GRACE_MS = 10_000
const REVIEW_COMMANDS = [
  ['list', '待审核的申请'],
  ['show <申请编号>', '一份申请的详情'],
  ['approve <申请编号>', '审核通过'],
  ['reject <申请编号> --reason <证件或字段>:<代码>:<原因>', '退回，如 --reason hukou:PAGE:请上传户口本本人页'],
  ['notice <申请编号…>', '公示（7个工作日）'],
  ['pay <申请编号…>', '公示结束后发放'],
  ['outbox', '已发送的短信'],
]

/**
 * Builds the H5 page and the staff console (unless `--no-build` is among `args`), or exits with a
 * message saying what is missing. Answers whether the console is there to serve.
 */
export function buildPages(args, command = 'npm start') {
  if (!args.includes('--no-build')) {
    console.log('构建 H5 页面（需要几十秒）…')
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'taro-build.mjs'), 'h5'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) {
      console.error('H5 构建失败，未启动服务。')
      process.exit(1)
    }
    console.log('构建工作人员控制台…')
    // vite's own bin through this node: no npm or shell in between (the same as `npm run build:console`).
    const vite = join(dirname(createRequire(join(consolePackage, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js')
    const consoleBuild = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: consolePackage, stdio: 'inherit' })
    if (consoleBuild.status !== 0 || !existsSync(join(consoleDir, 'index.html'))) {
      console.error('控制台构建失败，未启动服务。')
      process.exit(1)
    }
  } else if (!existsSync(join(h5Dir, 'index.html'))) {
    console.error(`dist/h5 不存在：去掉 --no-build 再运行 ${command}。`)
    process.exit(1)
  }
  const withConsole = existsSync(join(consoleDir, 'index.html'))
  if (!withConsole) console.warn('packages/console/dist 不存在（npm run build:console 可构建），本次不提供工作人员控制台。')
  return withConsole
}

/** The environment that makes a server serve the built pages; one JSON line per request would bury the banner (LOG_LEVEL=info brings them back). */
export function pagesEnv(withConsole) {
  return { STATIC_DIR: h5Dir, CONSOLE_DIR: withConsole ? consoleDir : 'none', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }
}

/**
 * Starts one API server: `node --import tsx` rather than the tsx launcher, so the PID held is the
 * server's; in its own process group, so a terminal's Ctrl-C reaches only the script, which passes
 * it on exactly once (a second SIGINT would cut the server's graceful close short). `onOutput`
 * gets its stdout; `address` resolves with the origin its banner prints (right even for PORT=0).
 */
export function startServer(env, onOutput = (chunk) => process.stdout.write(chunk)) {
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'main.ts')], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  let banner = ''
  let resolveAddress
  const address = new Promise((resolve) => (resolveAddress = resolve))
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    onOutput(chunk)
    if (banner.length < 64 * 1024) banner += chunk
    const found = /listening on (https?:\/\/\S+?)\/api\/v1/.exec(banner)
    if (found) resolveAddress(found[1])
  })
  return { child, address }
}

/** Polls `url` until it answers 2xx (true), `stopping()` turns true or the time is up (false). */
export async function waitForHealth(url, stopping = () => false, timeoutMs = HEALTH_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs
  while (!stopping() && Date.now() < deadline) {
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

/** Terminal columns of a text: CJK characters take two. */
export function columns(text) {
  return [...text].reduce((sum, char) => sum + (char.codePointAt(0) >= 0x2e80 ? 2 : 1), 0)
}

/** What to print once `base` serves the product; `review` is the reviewer CLI's command prefix. */
export function readyText(base, { review, withConsole }) {
  const width = Math.max(...REVIEW_COMMANDS.map(([command]) => columns(`${review} ${command}`)))
  return [
    '',
    `✓ 已就绪。用手机尺寸的浏览器窗口打开 H5 页面：${base}/`,
    `  同一地址提供 API：${base}/api/v1`,
    ...(withConsole ? [`  工作人员控制台（平台后台管理系统，用 1440×900 左右的窗口）：${base}/admin/`] : []),
    '  绑定社会保障卡时使用上面列出的演示人员（姓名 / 身份证号 / 卡号），每人对应一种情况。',
    '',
    '审核人员（在仓库根目录另开一个终端）：',
    ...REVIEW_COMMANDS.map(([command, what]) => `  ${review} ${command}${' '.repeat(width - columns(`${review} ${command}`))}  ${what}`),
    `  或 HTTP：curl -H "Authorization: Bearer dev-reviewer-token" ${base}/api/v1/review/applications`,
    `  跳过公示期（仅开发环境）：curl -X POST -H "Content-Type: application/json" -d '{"today":"YYYY-MM-DD"}' ${base}/api/v1/dev/clock`,
    '',
    '微信、支付宝小程序的开发构建（npm run dev:weapp / dev:alipay）访问同一个服务。',
    '按 Ctrl-C 停止。',
  ].join('\n')
}
