/** Photos as files under DATA_DIR/photos, written atomically (temp file + rename). */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { PhotoStorage } from './photo-storage'

const SAFE_KEY = /^[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)*\.(jpg|png)$/

export function createLocalDiskStorage(root: string): PhotoStorage {
  const base = resolve(root)
  const pathOf = (key: string): string => {
    const path = resolve(join(base, key))
    if (!SAFE_KEY.test(key) || !path.startsWith(base + sep)) throw new Error(`unsafe storage key: ${key}`)
    return path
  }
  return {
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
  }
}
