/**
 * Every process the suite starts is registered here (and in the run-wide PID list, see
 * pid-registry.ts) and stopped by its own PID: politely first (SIGTERM, or the signal asked for),
 * then SIGKILL if it does not go. Nothing is stopped by name.
 */
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { registerPid, unregisterPid } from './pid-registry'
import { descendantsOf, isAlive } from './process-tree'

export { descendantsOf, isAlive } from './process-tree'

const started = new Set<ChildProcess>()

export function track(child: ChildProcess): ChildProcess {
  const pid = child.pid
  started.add(child)
  if (pid !== undefined) registerPid(pid)
  child.once('exit', () => {
    started.delete(child)
    if (pid !== undefined) unregisterPid(pid)
  })
  return child
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, stepMs))
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal)
  } catch {
    // already gone
  }
}

/**
 * Stops one child by its PID; resolves once it and whatever it started (noted first, by PID)
 * have exited. A child that ignores `signal` for `graceMs`, or leaves processes behind, gets SIGKILL.
 */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 8000): Promise<void> {
  const pid = child.pid
  if (pid === undefined) return
  const offspring = descendantsOf(pid)
  if (child.exitCode === null && child.signalCode === null) {
    const gone = exited(child)
    kill(pid, signal)
    if ((await within(gone, graceMs)) === 'timeout') {
      kill(pid, 'SIGKILL')
      await gone
    }
  }
  if (!(await waitUntil(() => offspring.every((p) => !isAlive(p)), 5000))) {
    for (const p of offspring.filter(isAlive)) kill(p, 'SIGKILL')
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((child) => stopProcess(child)))
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Whether 127.0.0.1:port is taken (listening there fails). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(true))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)))
  })
}

/** `promise`, or 'timeout' after `ms` (the timer is cleared either way, so nothing lingers). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}
