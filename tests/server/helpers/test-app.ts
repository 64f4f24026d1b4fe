/**
 * Builds the real app on a temporary DATA_DIR with a fixed clock. The suite runs twice when
 * TEST_DATABASE_URL is set (root jest.config.js): as it is on SQLite, and as the 'server:postgres'
 * project, whose setup file sets SERVER_TEST_DB=postgres, on PostgreSQL in a schema of its own
 * (created here, dropped on close), so Jest workers running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { Pool } from 'pg'
import { buildApp, type BuildOptions } from '../../../packages/server/src/app'
import { createClock } from '../../../packages/server/src/clock'
import { loadConfig, type ServerConfig } from '../../../packages/server/src/config'
import { testRegistry } from './people'

export const TODAY = '2026-11-30'
export const pgUrl = process.env.SERVER_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined

export interface TestApp {
  app: FastifyInstance
  config: ServerConfig
  dataDir: string
  /** Closes the app and builds a new one on the same data (and the same clock date). */
  restart(): Promise<FastifyInstance>
  close(): Promise<void>
}

export interface TestAppOptions {
  today?: string
  env?: Record<string, string>
  build?: BuildOptions
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhihui-server-test-'))
  const registryFile = join(dataDir, 'registry.json')
  writeFileSync(registryFile, JSON.stringify(testRegistry()))
  const schema = pgUrl === undefined ? undefined : `t_${process.pid}_${randomBytes(4).toString('hex')}`
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    REGISTRY_FILE: registryFile,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    ...(pgUrl !== undefined && schema !== undefined ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : {}),
    ...options.env,
  }
  const config = loadConfig(env, dataDir)
  const today = options.today ?? TODAY
  const build = (date: string) => buildApp(config, { logger: false, clock: createClock({ today: date }), ...options.build })
  const handle: TestApp = {
    app: await build(today),
    config,
    dataDir,
    async restart() {
      const date = handle.app.ctx.clock.today()
      await handle.app.close()
      handle.app = await build(date)
      return handle.app
    },
    async close() {
      await handle.app.close()
      if (pgUrl !== undefined && schema !== undefined) {
        const pool = new Pool({ connectionString: pgUrl, max: 1 })
        await pool.query(`drop schema if exists "${schema}" cascade`)
        // pg-boss keeps the outbound message jobs in a schema of its own beside the app's.
        await pool.query(`drop schema if exists "${schema}_jobs" cascade`)
        await pool.end()
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return handle
}
