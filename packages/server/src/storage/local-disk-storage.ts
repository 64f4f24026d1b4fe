/** Photos as files under DATA_DIR/photos, written atomically (temp file + rename). */
import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { SAFE_KEY, type PhotoStorage } from './photo-storage'

export function createLocalDiskStorage(root: string): PhotoStorage {
  const base = resolve(root)
  const pathOf = (key: string): string => {
    const path = resolve(join(base, key))
    if (!SAFE_KEY.test(key) || !path.startsWith(base + sep)) throw new Error(`unsafe storage key: ${key}`)
    return path
  }
  async function* walk(dir: string): AsyncGenerator<string> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) yield* walk(path)
      else {
        // Temporary files of a write under way are not photos yet.
        const key = relative(base, path).split(sep).join('/')
        if (SAFE_KEY.test(key)) yield key
      }
    }
  }
  return {
    kind: 'disk',
    async put(key, data) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const temp = `${path}.${randomUUID()}.tmp`
      await writeFile(temp, data, { mode: 0o600 })
      await rename(temp, path)
    },
    async get(key) {
      try {
        return await readFile(pathOf(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true })
    },
    list: () => walk(base),
    async check() {
      await mkdir(base, { recursive: true })
      await access(base, constants.W_OK)
    },
  }
}
