// Bundle size of the mini-programs: the main package (everything outside the subpackage roots of
// app.json, which every user downloads before the first screen) and the whole package.
// Builds dist/weapp and dist/alipay when they are missing, reuses them otherwise
// (`--rebuild` forces fresh production builds). Exits 1 when a limit is broken.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Our own budgets, well inside the platforms' 2 MB per package: a small main package is what
// makes the first screen fast on a weak connection.
const MAIN_LIMIT = 512 * 1024
const TOTAL_LIMIT = 1.5 * 1024 * 1024
const rebuild = process.argv.includes('--rebuild')

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

let failed = false
for (const target of ['weapp', 'alipay']) {
  const dist = join(root, 'dist', target)
  if (rebuild || !existsSync(join(dist, 'app.json'))) {
    const started = Date.now()
    const build = spawnSync(process.execPath, [join(root, 'scripts/taro-build.mjs'), target], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) {
      console.log(`${target}: build failed`)
      failed = true
      continue
    }
    console.log(`${target}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => `${s.root.replace(/\/$/, '')}/`)
  let main = 0
  let total = 0
  const perSub = Object.fromEntries(roots.map((r) => [r, 0]))
  for (const file of files(dist)) {
    const size = statSync(file).size
    const rel = relative(dist, file).split('\\').join('/')
    total += size
    const sub = roots.find((r) => rel.startsWith(r))
    if (sub) perSub[sub] += size
    else main += size
  }
  const mainOk = main <= MAIN_LIMIT
  const totalOk = total <= TOTAL_LIMIT
  if (!mainOk || !totalOk) failed = true
  console.log(`${target}: main package ${kb(main)} (limit ${kb(MAIN_LIMIT)}) ${mainOk ? 'ok' : 'OVER'}`)
  for (const [sub, size] of Object.entries(perSub)) console.log(`${target}:   subpackage ${sub} ${kb(size)}`)
  console.log(`${target}: total ${kb(total)} (limit ${kb(TOTAL_LIMIT)}) ${totalOk ? 'ok' : 'OVER'}`)
}
process.exit(failed ? 1 : 0)
