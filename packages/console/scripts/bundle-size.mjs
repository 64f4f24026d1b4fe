// What the browser downloads for the sign-in page and for each other page, gzipped, read from the
// Vite manifest of the last `vite build` (dist/.vite/manifest.json). Run after a build:
//   node packages/console/scripts/bundle-size.mjs
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

/** Every chunk a chunk needs before it runs (static imports, transitively). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen)
  return seen
}
const files = (keys) => [...keys].map((k) => manifest[k].file)
const total = (list) => list.reduce((sum, f) => sum + gz(f), 0)

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)
const entry = closure(entryKey)
const pageKeys = Object.keys(manifest).filter((k) => /src\/(pages\/[^/]+\/index|layout\/[^/]+)\.tsx$/.test(k))
console.log(`entry chunk ${manifest[entryKey].file}: ${kb(gz(manifest[entryKey].file))} gzipped`)
console.log(`entry with its static imports: ${kb(total(files(entry)))} gzipped (${entry.size} chunks)`)
const signIn = [...closure('src/pages/sign-in/index.tsx')].filter((k) => !entry.has(k))
console.log(`sign-in page, everything it loads: ${kb(total(files(entry)) + total(files(signIn)))} gzipped`)
console.log('each page beyond the entry and its static imports:')
for (const key of pageKeys) {
  const extra = [...closure(key)].filter((k) => !entry.has(k))
  console.log(`  + ${key.replace(/^src\//, '')}: ${kb(total(files(extra)))}`)
}
