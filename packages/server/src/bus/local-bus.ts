/** The event bus inside one process (no REDIS_URL): the single-instance default. */
import { checkChannel, Handlers, serialise, type BusLog, type EventBus } from './event-bus'

export function createLocalBus(log: BusLog): EventBus {
  const handlers = new Handlers(log)
  let closed = false
  return {
    kind: 'local',
    async publish(channel, message) {
      checkChannel(channel)
      const text = serialise(message)
      // Asynchronous, as through Redis: a subscriber never runs inside the publisher's call.
      if (!closed) setImmediate(() => handlers.deliver(channel, text))
    },
    async subscribe(channel, handler) {
      checkChannel(channel)
      handlers.add(channel, handler)
      return async () => {
        handlers.remove(channel, handler)
      }
    },
    onGap: () => () => undefined,
    async close() {
      closed = true
    },
  }
}
