/** Which registry the configuration asks for: an HTTP adapter, a JSON file, or the demo people. */
import { ConfigError, type ServerConfig } from '../config'
import { DEMO_PEOPLE } from './demo-people'
import { createHttpRegistry } from './http-registry'
import { createMemoryRegistry, loadRegistryFile } from './memory-registry'
import type { Registry } from './registry'

export type { CardItem, CardQuery, MonthlyQuery, Registry, RegistryEntry, RegistryState } from './registry'
export { createMemoryRegistry, monthlyStateOf } from './memory-registry'
export { RegistryUnavailableError } from './registry'
export { DEMO_PEOPLE } from './demo-people'

export type RegistrySource = 'http' | 'file' | 'demo'

export function createRegistry(config: Pick<ServerConfig, 'registryUrl' | 'registryFile' | 'production'>): {
  registry: Registry
  source: RegistrySource
} {
  if (config.production && config.registryUrl === undefined && config.registryFile === undefined) {
    // The demo people are made up: binding a card against them in production would be a lie.
    throw new ConfigError('生产环境必须设置 REGISTRY_URL（社保登记接口）或 REGISTRY_FILE（登记数据文件），演示人员名单只用于开发。')
  }
  if (config.registryUrl !== undefined) return { registry: createHttpRegistry(config.registryUrl), source: 'http' }
  if (config.registryFile !== undefined) {
    return { registry: createMemoryRegistry(loadRegistryFile(config.registryFile)), source: 'file' }
  }
  return { registry: createMemoryRegistry(DEMO_PEOPLE), source: 'demo' }
}
