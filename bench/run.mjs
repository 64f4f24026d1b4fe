// `npm run bench`: runs every bench/*.bench.mjs in turn and prints what each measures.
// Each benchmark prints its own figures and limits and exits non-zero when a limit is broken.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

let failed = 0
for (const file of benches) {
  console.log(`\n== ${file}`)
  const run = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' })
  if (run.status !== 0) {
    failed += 1
    console.log(`!! ${file} exited with ${run.status}`)
  }
}
process.exit(failed ? 1 : 0)
