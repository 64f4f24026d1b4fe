// `npm start`: the whole product on its embedded defaults, for a newcomer to try.
// Builds the H5 page, starts the API server (SQLite in ./data, local photo storage, the demo
// social-security registry) serving that page from the same origin, then prints where to go.
// Ctrl-C stops everything this script started.
//
//   npm start                  build H5, then serve page + API on http://127.0.0.1:8787
//   npm start -- --no-build    reuse an existing dist/h5
//   PORT=9000 DATA_DIR=/tmp/x npm start
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const h5Dir = join(root, 'dist', 'h5')

if (!args.includes('--no-build')) {
  console.log('构建 H5 页面（约 20 秒）…')
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'taro-build.mjs'), 'h5'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error('H5 构建失败，未启动服务。')
    process.exit(1)
  }
} else if (!existsSync(join(h5Dir, 'index.html'))) {
  console.error('dist/h5 不存在：去掉 --no-build 再运行 npm start。')
  process.exit(1)
}

const env = {
  ...process.env,
  STATIC_DIR: h5Dir,
  DATA_DIR: resolve(root, process.env.DATA_DIR ?? 'data'),
}
const host = env.HOST ?? '127.0.0.1'
const port = env.PORT ?? '8787'
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const server = spawn(tsx, [join(root, 'packages', 'server', 'src', 'main.ts')], {
  cwd: join(root, 'packages', 'server'),
  env,
  stdio: 'inherit',
})

let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  if (server.exitCode === null) server.kill(signal)
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
server.on('exit', (code, signal) => {
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)))
})

const base = `http://${host}:${port}`
await waitForHealth(`${base}/api/v1/healthz`)
if (!stopping) {
  console.log(
    [
      '',
      `打开 ${base}/ 试用申报页面（H5，同一地址提供 API：${base}/api/v1）。`,
      '绑定社保卡时使用上面列出的演示人员（姓名 / 身份证号 / 卡号）。',
      '审核人员：npm run review -- list | show <申请编号> | approve <申请编号> | reject <申请编号> ... | notice <申请编号…> | pay <申请编号…> | outbox',
      `  或 HTTP：Authorization: Bearer dev-reviewer-token，例如 curl -H "Authorization: Bearer dev-reviewer-token" ${base}/api/v1/review/applications`,
      '微信、支付宝小程序的开发构建（npm run dev:weapp / dev:alipay）指向同一个服务。',
      '按 Ctrl-C 停止。',
    ].join('\n'),
  )
}

async function waitForHealth(url) {
  for (let attempt = 0; attempt < 120 && !stopping; attempt += 1) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  if (!stopping) console.error(`服务在 30 秒内没有就绪：${url}`)
}
