// The server's own configuration, database and photo-store code, loaded from its TypeScript
// source (tsx, registered for this process) for the operations scripts: they read the same
// environment variables the same way the server does, and reach the photos through the same
// PhotoStorage interface.
import { register as registerCjs } from 'tsx/cjs/api'
import { register as registerEsm } from 'tsx/esm/api'

registerEsm()
registerCjs()

// The server package is CommonJS: its exports arrive as the module's default export.
const load = async (path) => {
  const module = await import(new URL(`../../packages/server/src/${path}`, import.meta.url).href)
  return module.default !== undefined && typeof module.default === 'object' ? module.default : module
}

export async function serverModules() {
  const [config, db, storage, masterKey] = await Promise.all([
    load('config.ts'),
    load('db/create-db.ts'),
    load('storage/index.ts'),
    load('crypto/master-key.ts'),
  ])
  return {
    loadConfig: config.loadConfig,
    ConfigError: config.ConfigError,
    openDatabase: db.openDatabase,
    SQLITE_FILE: db.SQLITE_FILE,
    createPhotoStorage: storage.createPhotoStorage,
    DEV_KEY_FILE: masterKey.DEV_KEY_FILE,
  }
}
