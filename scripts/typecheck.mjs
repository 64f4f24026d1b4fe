// Type-checks every TypeScript project of the repository that exists (core, server, app, console and their tests).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const projects = ['packages/core/tsconfig.json', 'packages/server/tsconfig.json', 'tsconfig.json', 'tests/app/tsconfig.json', 'tests/e2e/tsconfig.json', 'tests/mini/tsconfig.json', 'packages/console/tsconfig.json', 'tests/console/tsconfig.json']
let failed = false
for (const project of projects.filter((p) => existsSync(p))) {
  const run = spawnSync('npx', ['tsc', '-p', project, '--noEmit'], { stdio: 'inherit' })
  if (run.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
