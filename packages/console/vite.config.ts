/**
 * The staff console: built to static files that the API server serves at /admin/ (same origin,
 * so the staff cookie works); `vite` (npm run dev) serves it with hot reload and passes /api to
 * the API server on 8787 (CONSOLE_API=http://127.0.0.1:8799 names another). @zhihui/core is a
 * workspace package shipping TS source: the alias points at that source, so Vite compiles it.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const coreIndex = fileURLToPath(new URL('../core/src/index.ts', import.meta.url))

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: { alias: { '@zhihui/core': coreIndex } },
  server: {
    host: '127.0.0.1',
    port: 5174,
    proxy: { '/api': { target: process.env.CONSOLE_API ?? 'http://127.0.0.1:8787', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: scripts/bundle-size.mjs reads what each page loads from it.
    manifest: true,
    target: 'es2020',
    // antd is large; its chunk is shared by every page after the sign-in page and cached.
    chunkSizeWarningLimit: 900,
  },
})
