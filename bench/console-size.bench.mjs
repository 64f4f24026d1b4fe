// The staff console's initial JavaScript: what the browser loads before the sign-in page shows
// (the entry chunk and the chunks index.html preloads), gzipped. Every other page is a lazy
// chunk (packages/console/src/routes.tsx), so this figure must not grow with the pages.
// Builds the console first (vite build, about 20 s). Budget: 350 KB gzipped: antd's sign-in
// form, React and the router are the floor.
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const LIMIT_BYTES = 350 * 1024
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'packages/console/dist')

const build = spawnSync('npm', ['run', 'build', '-w', '@zhihui/console'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
if (build.status !== 0) {
  console.log('console-size: vite build failed')
  process.exit(1)
}

const html = readFileSync(join(dist, 'index.html'), 'utf8')
// The entry script and every modulepreload link: what the first paint waits for.
const initial = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
const size = (file) => {
  const bytes = readFileSync(join(dist, file))
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}
let total = 0
for (const file of initial) {
  const { raw, gzip } = size(file)
  total += gzip
  console.log(`  initial  ${file.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gzip / 1024).toFixed(1).padStart(7)} KB gzip`)
}
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
const lazyGzip = lazy.reduce((sum, f) => sum + size(`assets/${f}`).gzip, 0)
console.log(`  lazy     ${lazy.length} chunks, ${(lazyGzip / 1024).toFixed(1)} KB gzip in all (loaded page by page)`)
console.log(`console-size: initial JS ${(total / 1024).toFixed(1)} KB gzipped (limit ${LIMIT_BYTES / 1024} KB)`)
process.exit(total <= LIMIT_BYTES ? 0 : 1)
