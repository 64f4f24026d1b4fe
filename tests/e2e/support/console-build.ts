/**
 * The staff console's build (packages/console/dist), which the server serves at /admin/ when it
 * exists (config.ts, CONSOLE_DIR unset). Built once per run when a console or core source is
 * newer than its index.html (or always with E2E_REBUILD=1); about 15-40 s on two cores.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CONSOLE_DIR, ROOT } from './paths'

export const CONSOLE_PKG = join(ROOT, 'packages', 'console')
export const CONSOLE_DIST = CONSOLE_DIR

const INPUTS = [join(CONSOLE_PKG, 'src'), join(ROOT, 'packages', 'core', 'src'), join(CONSOLE_PKG, 'index.html'), join(CONSOLE_PKG, 'vite.config.ts')]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

export function consoleBuildIsFresh(): boolean {
  const index = join(CONSOLE_DIST, 'index.html')
  if (!existsSync(index)) return false
  return Math.max(...INPUTS.map(newestMtime)) < statSync(index).mtimeMs
}

export function ensureConsoleBuild(force = process.env.E2E_REBUILD === '1'): { built: boolean; seconds: number } {
  const started = Date.now()
  if (!force && consoleBuildIsFresh()) return { built: false, seconds: (Date.now() - started) / 1000 }
  const vite = [join(CONSOLE_PKG, 'node_modules', 'vite', 'bin', 'vite.js'), join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')].find(existsSync) ?? 'vite'
  const run = spawnSync(process.execPath, [vite, 'build'], {
    cwd: CONSOLE_PKG,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.status !== 0) throw new Error(`console build failed (exit ${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`)
  return { built: true, seconds: (Date.now() - started) / 1000 }
}
