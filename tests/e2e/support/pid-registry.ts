/**
 * A run-wide list of the PIDs the suite started, one empty file per PID in a temp dir named by
 * ZHIHUI_E2E_PID_DIR. Test files run in Jest's sandbox, whose `process` is a copy: a signal or
 * exit handler installed there never fires. The global setup, which runs in the real process,
 * guards this list instead, and the global teardown stops whatever a test file left running.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { descendantsOf, isAlive } from './process-tree'

export const PID_DIR_ENV = 'ZHIHUI_E2E_PID_DIR'

export function registerPid(pid: number): void {
  const dir = process.env[PID_DIR_ENV]
  if (dir) writeFileSync(join(dir, String(pid)), '')
}

export function unregisterPid(pid: number): void {
  const dir = process.env[PID_DIR_ENV]
  if (dir) rmSync(join(dir, String(pid)), { force: true })
}

/** The registered PIDs still alive, each followed by what it started. */
export function livingRegistered(dir: string): number[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const pids = names.map(Number).filter((pid) => Number.isInteger(pid) && pid > 0 && isAlive(pid))
  return [...new Set(pids.flatMap((pid) => [...descendantsOf(pid), pid]))]
}

export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {
      // gone meanwhile
    }
  }
}
