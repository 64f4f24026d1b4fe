// The size of @zhihui/core as the mini-programs ship it: the whole of core, holiday tables and
// directories included, with any package it bundles, minified. The WeChat and Alipay main
// packages are capped at 2 MB each (policy.md, platform limits) and core is loaded on the first
// screen, so it has a budget of its own: 40 KB minified. Exits 1 when over. Core depends on no
// package: its date arithmetic is its own (packages/core/src/civil-date.ts says why), so a
// package line appearing in the parts below is a new dependency to justify.
//
// Tree-shaking is off and the entry re-exports `import * as core`, so nothing is dropped for
// being unused: the figure is what core costs when a page uses all of it.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const LIMIT_BYTES = 40 * 1024
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const coreDir = join(root, 'packages/core/src')

const format = (n) => n.toLocaleString('en-US')

let result
try {
  result = await build({
    stdin: {
      contents: "import * as core from './index.ts'\nexport default core\n",
      resolveDir: coreDir,
      sourcefile: 'core-size-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    // `neutral` looks at no package.json field by default; some packages ship only `main`.
    mainFields: ['module', 'main'],
    treeShaking: false,
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

const code = result.outputFiles[0].contents
const raw = code.byteLength
const gzip = gzipSync(code, { level: 9 }).byteLength

// Bytes per part of core (and per bundled package), largest first, so a breach points at its cause.
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
  console.log(`  ${format(bytes).padStart(7)} B  ${part}`)
}

const over = raw > LIMIT_BYTES
console.log(
  `core minified: ${format(raw)} B (limit ${format(LIMIT_BYTES)} B) gzip ${format(gzip)} B${over ? '  OVER LIMIT' : ''}`,
)
process.exit(over ? 1 : 0)
