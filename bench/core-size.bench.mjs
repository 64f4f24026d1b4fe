// The size of @zhihui/core as the mini-programs ship it, minified. The WeChat and Alipay main
// packages are capped at 2 MB each (policy.md, platform limits) and core is loaded on the first
// screen, so it has a budget of its own: 40 KB minified. Exits 1 when over. Core depends on no
// package: its date arithmetic is its own (packages/core/src/civil-date.ts says why), so a
// package line appearing in the parts below is a new dependency to justify.
//
// "As the mini-programs ship it": core now also carries what only the server and the console use
// (staff roles, the rejection catalogue, the talent tiers' administration), and the Taro builds
// tree-shake it (core is `sideEffects: false`). So the budgeted figure is core bundled from every
// name the app's sources (src/**) import from '@zhihui/core', subpackages included, with
// tree-shaking on: what any page of the app can pull in. The whole of core, every export kept, is
// printed too, with a looser guard of its own (80 KB) so that growth there is still seen.
import { build } from 'esbuild'
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const LIMIT_BYTES = 40 * 1024
const WHOLE_LIMIT_BYTES = 80 * 1024
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const coreDir = join(root, 'packages/core/src')

const format = (n) => n.toLocaleString('en-US')

/** Every name imported from '@zhihui/core' by the app's sources (types included: esbuild drops them). */
function namesTheAppImports() {
  const names = new Set()
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8')
        for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@zhihui\/core'/g)) {
          if (match[1]) continue
          for (const part of match[2].split(',')) {
            const name = part.trim()
            if (name !== '' && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0])
          }
        }
      }
    }
  }
  walk(join(root, 'src'))
  return [...names].sort()
}

async function bundle(contents, treeShaking) {
  try {
    return await build({
      stdin: { contents, resolveDir: coreDir, sourcefile: 'core-size-entry.ts', loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      // `neutral` looks at no package.json field by default; some packages ship only `main`.
      mainFields: ['module', 'main'],
      treeShaking,
      // Keep Chinese text as UTF-8 (3 bytes a character) as the mini-program builds do, instead of
      // esbuild's default \uXXXX escapes (6 bytes a character).
      charset: 'utf8',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
  } catch (error) {
    console.error('core-size: esbuild could not bundle packages/core/src/index.ts')
    for (const message of error.errors ?? [error]) {
      const where = message.location ? ` (${message.location.file}:${message.location.line})` : ''
      console.error(`  ${message.text ?? message.message}${where}`)
    }
    process.exit(1)
  }
}

/** Bytes per part of core (and per bundled package), largest first, so a breach points at its cause. */
function printParts(result) {
  const inputs = Object.values(result.metafile.outputs)[0].inputs
  const parts = new Map()
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const part =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
      /packages\/core\/src\/([^/]+)\//.exec(file)?.[1] ??
      file.replace(/^.*packages\/core\/src\//, '')
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput)
  }
  for (const [part, bytes] of [...parts].sort((a, b) => b[1] - a[1])) {
    if (bytes > 0) console.log(`  ${format(bytes).padStart(7)} B  ${part}`)
  }
}

const names = namesTheAppImports()
// A name that is only a type has no value to re-export; `export type` would hide a real export, so
// ask core's index which names are values first (a whole-core bundle has them all).
const whole = await bundle("import * as core from './index.ts'\nexport default core\n", false)
const shipped = await bundle(`import * as core from './index.ts'\nexport const used = [${names.map((n) => `core[${JSON.stringify(n)}]`).join(', ')}]\n`, true)

const sizes = (result) => {
  const code = result.outputFiles[0].contents
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
}
const shippedSize = sizes(shipped)
const wholeSize = sizes(whole)

console.log(`core as the app imports it (${names.length} names from src/**, tree-shaken):`)
printParts(shipped)
console.log('whole core, every export kept (the server and the console import all of it):')
printParts(whole)

const over = shippedSize.raw > LIMIT_BYTES
const wholeOver = wholeSize.raw > WHOLE_LIMIT_BYTES
console.log(
  `core minified as the app ships it: ${format(shippedSize.raw)} B (limit ${format(LIMIT_BYTES)} B) gzip ${format(shippedSize.gzip)} B${over ? '  OVER LIMIT' : ''}`,
)
console.log(
  `whole core minified: ${format(wholeSize.raw)} B (guard ${format(WHOLE_LIMIT_BYTES)} B) gzip ${format(wholeSize.gzip)} B${wholeOver ? '  OVER LIMIT' : ''}`,
)
process.exit(over || wholeOver ? 1 : 0)
