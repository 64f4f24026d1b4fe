/** After the last test file: nothing the suite started may outlive the run. */
import { rmSync } from 'node:fs'
import type { Guard } from './global-setup'
import { livingRegistered, signalAll } from './pid-registry'
import { waitUntil } from './processes'

export default async function globalTeardown(): Promise<void> {
  const guard = (globalThis as { zhihuiE2eGuard?: Guard }).zhihuiE2eGuard
  if (!guard) return
  const left = livingRegistered(guard.dir)
  if (left.length > 0) {
    // A test file's own teardown should have stopped these: say so, then stop them.
    console.warn(`processes left running by a test file, now stopped: ${left.join(', ')}`)
    signalAll(left, 'SIGTERM')
    if (!(await waitUntil(() => livingRegistered(guard.dir).length === 0, 5000))) signalAll(livingRegistered(guard.dir), 'SIGKILL')
  }
  guard.remove()
  rmSync(guard.dir, { recursive: true, force: true })
}
