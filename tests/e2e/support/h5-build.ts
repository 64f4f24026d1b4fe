/**
 * The H5 build the suite runs against. Building takes 30-45 s on two cores, so an existing
 * production dist/h5 is reused when its index.html is newer than every input of the build;
 * E2E_REBUILD=1 forces one.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { H5_DIR, ROOT } from './paths'

/** What the H5 output is made from: the app, core, the build config and the build-mode env files. */
const INPUT_DIRS = ['src', 'packages/core/src', 'config', 'types']
const INPUT_FILES = ['babel.config.js', 'tsconfig.json', '.env', '.env.production']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** A development build (`npm run dev:h5`, or NODE_ENV=test) carries React Refresh hooks. */
function isProductionBuild(): boolean {
  const js = join(H5_DIR, 'js')
  if (!existsSync(js)) return false
  return readdirSync(js)
    .filter((name) => name.endsWith('.js'))
    .every((name) => !readFileSync(join(js, name), 'utf8').includes('$RefreshReg$'))
}

export function h5BuildIsFresh(): boolean {
  const index = join(H5_DIR, 'index.html')
  if (!existsSync(index) || !isProductionBuild()) return false
  const built = statSync(index).mtimeMs
  const newestInput = Math.max(...INPUT_DIRS.map((d) => newestMtime(join(ROOT, d))), ...INPUT_FILES.map((f) => newestMtime(join(ROOT, f))))
  return newestInput < built
}

export interface BuildOutcome {
  built: boolean
  seconds: number
}

export function ensureH5Build(force = process.env.E2E_REBUILD === '1'): BuildOutcome {
  const started = Date.now()
  if (!force && h5BuildIsFresh()) return { built: false, seconds: (Date.now() - started) / 1000 }
  // A production build whatever Jest's NODE_ENV=test says: taro-build.mjs sets NODE_ENV itself.
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'taro-build.mjs'), 'h5'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.status !== 0) {
    throw new Error(`H5 build failed (exit ${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`)
  }
  return { built: true, seconds: (Date.now() - started) / 1000 }
}
