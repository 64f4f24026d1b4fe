/** Where things are, from the repository root. */
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '..', '..', '..')
export const H5_DIR = join(ROOT, 'dist', 'h5')
export const SERVER_DIR = join(ROOT, 'packages', 'server')
/** The staff console's Vite build, served at /admin/. */
export const CONSOLE_DIR = join(ROOT, 'packages', 'console', 'dist')
export const SCREENSHOT_DIR = join(ROOT, 'tests', 'e2e', 'screenshots')
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium'
