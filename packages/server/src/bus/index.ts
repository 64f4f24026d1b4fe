/** createEventBus(config): Redis pub/sub when REDIS_URL is set, in-process otherwise (see event-bus.ts for the API). */
import type { ServerConfig } from '../config'
import type { BusLog, EventBus } from './event-bus'
import { createLocalBus } from './local-bus'
import { createRedisBus } from './redis-bus'

export type { BusLog, EventBus } from './event-bus'

const quiet: BusLog = { info: () => undefined, warn: (message) => process.emitWarning(message) }

export function createEventBus(config: Pick<ServerConfig, 'redis'>, log: BusLog = quiet): EventBus {
  return config.redis === undefined ? createLocalBus(log) : createRedisBus(config.redis.url, config.redis.prefix, log)
}
