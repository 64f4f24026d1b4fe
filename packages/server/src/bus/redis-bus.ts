/**
 * The event bus through Redis pub/sub (REDIS_URL): one connection publishes, another subscribes
 * (a subscribed Redis connection can do nothing else). Both connect on first use. ioredis
 * subscribes again by itself after a reconnection; that moment is reported as a gap.
 */
import { answerWithin, closeRedis, connectRedis } from '../redis'
import { checkChannel, Handlers, serialise, type BusLog, type EventBus } from './event-bus'

const SUBSCRIBE_WAIT_MS = 2_000
const PUBLISH_WAIT_MS = 1_000

export function createRedisBus(url: string, prefix: string, log: BusLog): EventBus {
  const handlers = new Handlers(log)
  const gapListeners = new Set<() => void>()
  const pub = connectRedis(url, { lazy: true })
  const sub = connectRedis(url, { lazy: true, subscriber: true })
  let subscribedOnce = false
  let lostSubscription = false
  let publishDown = false

  sub.on('message', (channel: string, text: string) => {
    if (channel.startsWith(prefix)) handlers.deliver(channel.slice(prefix.length), text)
  })
  sub.on('close', () => {
    if (subscribedOnce) lostSubscription = true
  })
  sub.on('ready', () => {
    if (!lostSubscription) return
    lostSubscription = false
    for (const listener of gapListeners) {
      try {
        listener()
      } catch (error) {
        log.warn(`event bus: a gap listener failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  })

  return {
    kind: 'redis',
    async publish(channel, message) {
      checkChannel(channel)
      const text = serialise(message)
      try {
        if (pub.status === 'wait') await answerWithin(pub.connect(), PUBLISH_WAIT_MS)
        // Bounded: a Redis that takes the connection but never answers must not hold the caller.
        // Should the message land after all, this instance's subscribers see it twice.
        await answerWithin(pub.publish(prefix + channel, text), PUBLISH_WAIT_MS)
        if (publishDown) {
          publishDown = false
          log.info('event bus: Redis is back, messages reach every instance again')
        }
      } catch (error) {
        if (!publishDown) {
          publishDown = true
          log.warn(
            `event bus: Redis unreachable (${error instanceof Error ? error.message : String(error)}); messages reach this instance's subscribers only until it is back`,
          )
        }
        setImmediate(() => handlers.deliver(channel, text))
      }
    },
    async subscribe(channel, handler) {
      checkChannel(channel)
      if (handlers.add(channel, handler)) {
        // The subscriber connection queues commands until Redis answers; a start must not wait
        // for an outage to end. After SUBSCRIBE_WAIT_MS the subscription is reported as open
        // anyway and goes live when Redis is back, which its listeners hear of as a gap.
        let timer: NodeJS.Timeout | undefined
        const live = sub.subscribe(prefix + channel).then(() => {
          subscribedOnce = true
          return true
        })
        const late = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), SUBSCRIBE_WAIT_MS)
        })
        try {
          if (!(await Promise.race([live, late]))) {
            lostSubscription = true
            live.catch(() => undefined)
          }
        } catch (error) {
          handlers.remove(channel, handler)
          throw error
        } finally {
          clearTimeout(timer)
        }
      }
      return async () => {
        if (handlers.remove(channel, handler)) void sub.unsubscribe(prefix + channel).catch(() => undefined)
      }
    },
    onGap(listener) {
      gapListeners.add(listener)
      return () => gapListeners.delete(listener)
    },
    async close() {
      gapListeners.clear()
      await Promise.all([closeRedis(pub), closeRedis(sub)])
    },
  }
}
