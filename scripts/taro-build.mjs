// `node scripts/taro-build.mjs <weapp|alipay|h5> [--dev] [--watch] [--mode <m>]`
// Runs `taro build --type <t>` (production unless --dev or --watch) and fails
// when the output is incomplete: `taro build` exits 0 even when its config check fails.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const TARGETS = ['weapp', 'alipay', 'h5']
const args = process.argv.slice(2)
const target = args.find((a) => TARGETS.includes(a))
if (!target) {
  console.error(`usage: node scripts/taro-build.mjs <${TARGETS.join('|')}> [--dev] [--watch] [--mode <mode>]`)
  process.exit(2)
}
const watch = args.includes('--watch')
const dev = args.includes('--dev') || watch
const modeIndex = args.indexOf('--mode')
const mode = modeIndex >= 0 ? args[modeIndex + 1] : undefined
// Not inherited from NODE_ENV: under Jest it is 'test', and a 'test' H5 bundle builds fine but dies in
// the browser ($RefreshReg$ is not defined).
const nodeEnv = dev ? 'development' : 'production'
const outDir = join(root, 'dist', target)
const taro = join(root, 'node_modules', '.bin', 'taro')

const taroArgs = ['build', '--type', target]
if (watch) taroArgs.push('--watch')
if (mode) taroArgs.push('--mode', mode)
const env = { ...process.env, NODE_ENV: nodeEnv }

if (watch) {
  // A dev session: nothing to check at the end, Taro keeps running.
  const child = spawn(taro, taroArgs, { cwd: root, env, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 1))
} else {
  // A stale output could hide a failed build: start from nothing.
  rmSync(outDir, { recursive: true, force: true })
  const started = Date.now()
  const run = spawnSync(taro, taroArgs, { cwd: root, env, stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (run.status !== 0) {
    console.error(`✗ taro build --type ${target} exited with ${run.status}`)
    process.exit(1)
  }
  const problems = checkOutput(target)
  if (problems.length > 0) {
    console.error(`✗ ${target} build incomplete:\n  ${problems.join('\n  ')}`)
    process.exit(1)
  }
  if (target === 'alipay') writeAlipayProjectFile()
  console.log(`✓ ${target} (${nodeEnv}) built in ${seconds} s → dist/${target} (${kb(dirSize(outDir))} KB)`)
}

function checkOutput(t) {
  const problems = []
  if (t === 'h5') {
    if (!existsSync(join(outDir, 'index.html'))) problems.push('dist/h5/index.html is missing')
    const js = listFiles(outDir).filter((f) => f.endsWith('.js'))
    if (js.length === 0) problems.push('dist/h5 has no JavaScript')
    return problems
  }
  const appJson = join(outDir, 'app.json')
  if (!existsSync(appJson)) return [`dist/${t}/app.json is missing`]
  const app = JSON.parse(readFileSync(appJson, 'utf8'))
  const template = t === 'weapp' ? '.wxml' : '.axml'
  for (const page of pagesOf(app)) {
    for (const ext of ['.js', '.json', template]) {
      if (!existsSync(join(outDir, page + ext))) problems.push(`${page}${ext} is missing`)
    }
  }
  if (!existsSync(join(outDir, 'app.js'))) problems.push('app.js is missing')
  return problems
}

function pagesOf(app) {
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...(app.pages ?? []), ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

/**
 * Taro copies only `project.alipay.json` into the Alipay output; the root mini.project.json
 * points the IDE at dist/alipay, and this copy lets dist/alipay be opened on its own too.
 */
function writeAlipayProjectFile() {
  const source = join(root, 'mini.project.json')
  const target = join(outDir, 'mini.project.json')
  if (!existsSync(source) || existsSync(target)) return
  const project = JSON.parse(readFileSync(source, 'utf8'))
  delete project.miniprogramRoot
  writeFileSync(target, `${JSON.stringify(project, null, 2)}\n`)
}

function listFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  )
}

function dirSize(dir) {
  return listFiles(dir).reduce((sum, f) => sum + statSync(f).size, 0)
}

function kb(bytes) {
  return Math.round(bytes / 1024)
}
