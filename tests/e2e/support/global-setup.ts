/**
 * Once per run, in Jest's own process before any test file: an up-to-date production dist/h5, and
 * the guard over every process the test files start (see pid-registry.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureConsoleBuild } from './console-build'
import { ensureH5Build } from './h5-build'
import { livingRegistered, PID_DIR_ENV, signalAll } from './pid-registry'

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

export interface Guard {
  dir: string
  remove: () => void
}

export default function globalSetup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'zhihui-e2e-pids-'))
  process.env[PID_DIR_ENV] = dir

  // The run ends without the test files' teardown (a CI timeout's signal, an exit): stop their
  // processes anyway, then carry on as the signal would have.
  const onExit = () => {
    signalAll(livingRegistered(dir), 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    remove()
    signalAll(livingRegistered(dir), 'SIGTERM')
    setTimeout(() => {
      onExit()
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
    }, 3000)
  }
  const handlers = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const)
  process.on('exit', onExit)
  for (const [signal, handler] of handlers) process.on(signal, handler)
  function remove(): void {
    process.removeListener('exit', onExit)
    for (const [signal, handler] of handlers) process.removeListener(signal, handler)
  }
  ;(globalThis as { zhihuiE2eGuard?: Guard }).zhihuiE2eGuard = { dir, remove }

  const outcome = ensureH5Build()
  console.log(
    outcome.built
      ? `\nH5 built for the end-to-end run in ${outcome.seconds.toFixed(1)} s`
      : `\nH5 build reused: dist/h5 is newer than its sources (checked in ${outcome.seconds.toFixed(2)} s; E2E_REBUILD=1 forces a build)`,
  )
  const consoleBuild = ensureConsoleBuild()
  console.log(
    consoleBuild.built
      ? `Console built for the end-to-end run in ${consoleBuild.seconds.toFixed(1)} s`
      : `Console build reused: packages/console/dist is newer than its sources (checked in ${consoleBuild.seconds.toFixed(2)} s)`,
  )
}
