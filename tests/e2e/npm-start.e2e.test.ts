/**
 * `npm start` as a newcomer meets it: `node scripts/start.mjs --no-build` (the suite has built
 * dist/h5 already) on a free port with a temp DATA_DIR. It must print the page's address, the demo
 * cards and how to act as a reviewer, serve the H5 page and the API from that address, and on
 * Ctrl-C (SIGINT to its process group, as a terminal sends it) stop itself and the server it
 * started, freeing the port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PEOPLE } from '../../packages/server/src/registry/demo-people'
import { H5_DIR, ROOT } from './support/paths'
import { descendantsOf, freePort, isAlive, portInUse, stopAll, track, waitUntil, within } from './support/processes'
import { serverEnv } from './support/server'

const work = mkdtempSync(join(tmpdir(), 'zhihui-e2e-start-'))
let script: ChildProcess | undefined

afterAll(async () => {
  await stopAll()
  rmSync(work, { recursive: true, force: true })
})

test('npm start serves the H5 page and the API on one address, explains itself, and stops cleanly on Ctrl-C', async () => {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  script = track(
    spawn(process.execPath, [join('scripts', 'start.mjs'), '--no-build'], {
      cwd: ROOT,
      env: serverEnv({ PORT: String(port), DATA_DIR: join(work, 'data'), INIT_CWD: ROOT }),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, as a command typed in a terminal has: Ctrl-C signals the group.
      detached: true,
    }),
  )
  let output = ''
  script.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  script.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    script?.once('exit', (code, signal) => resolve({ code, signal })),
  )

  const ready = await waitUntil(() => output.includes('按 Ctrl-C 停止') || script?.exitCode !== null, 60_000)
  expect({ ready, exitCode: script.exitCode }).toEqual({ ready: true, exitCode: null })

  // The printed address is where the page is.
  expect(output).toContain(`${origin}/`)
  const page = await fetch(`${origin}/`)
  expect(page.status).toBe(200)
  expect(page.headers.get('content-type')).toMatch(/text\/html/)
  expect(await page.text()).toBe(readFileSync(join(H5_DIR, 'index.html'), 'utf8'))
  const health = await fetch(`${origin}/api/v1/healthz`)
  expect(await health.json()).toEqual(expect.objectContaining({ ok: true, db: 'up' }))

  // The demo cards, as the server's banner lists them, and the reviewer's ways in.
  const cards = DEMO_PEOPLE.filter((p) => output.includes(`${p.name}  ${p.idNumber}  ${p.cardNumber}`))
  expect(cards.length).toBeGreaterThanOrEqual(1)
  expect(output).toContain('npm run review -- list')
  expect(output).toContain('dev-reviewer-token')

  // Everything the script started, noted before it goes: the server is among them.
  const pid = script.pid as number
  const started = descendantsOf(pid)
  expect(started.length).toBeGreaterThanOrEqual(1)

  // Ctrl-C: the terminal sends SIGINT to the whole foreground process group, not to one process.
  process.kill(-pid, 'SIGINT')
  const outcome = await within(exited, 20_000)
  expect(outcome).toEqual({ code: 0, signal: null })
  expect(await waitUntil(() => started.every((p) => !isAlive(p)), 5000)).toBe(true)
  expect(await portInUse(port)).toBe(false)
})
