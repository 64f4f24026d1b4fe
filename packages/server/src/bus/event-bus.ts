/**
 * The event bus: small messages to every instance of the server, for pushes such as "a new
 * talent request" (the SSE stream of the console). Built by createEventBus(config) and kept on the
 * app's context as `app.ctx.bus`; without REDIS_URL it stays inside this process (an
 * EventEmitter), with REDIS_URL it goes through Redis pub/sub, so a message published by one
 * instance reaches the subscribers of all of them.
 *
 *   const off = await bus.subscribe('talent-requests', (message) => stream.write(message))
 *   await bus.publish('talent-requests', { requestId, district })
 *   const stopWatching = bus.onGap(() => resendStateFromTheDatabase())
 *   await off()
 *
 * - `publish(channel, message)`: `message` is anything JSON can carry (it is sent as JSON, so
 *   subscribers get a copy: dates become strings, undefined fields disappear). Every current
 *   subscriber of the channel, on every instance including this one, receives it once,
 *   asynchronously (never inside the publish call). Resolves when Redis took it.
 * - `subscribe(channel, handler)`: resolves once the subscription is live (a message published
 *   after that reaches it), with the function that ends it. A handler that throws is logged and
 *   does not disturb the others.
 * - `onGap(listener)`: called after this instance lost its subscription connection and got it
 *   back: whatever was published in between is lost (Redis pub/sub keeps nothing), so a listener
 *   should re-read the state from the database. The in-process bus never has gaps.
 * - Delivery is at most once and fire-and-forget: the bus announces, the database is the record.
 *   When Redis is down, publish still delivers to this instance's own subscribers (and says so in
 *   the log once), so a single instance keeps working; other instances see a gap.
 * - Channel names: lower-case letters, digits and `:._-`, at most 100 characters. With Redis they
 *   are prefixed with REDIS_PREFIX, so deployments sharing one Redis do not hear each other.
 */
export interface EventBus {
  readonly kind: 'local' | 'redis'
  publish(channel: string, message: unknown): Promise<void>
  subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>>
  onGap(listener: () => void): () => void
  close(): Promise<void>
}

/** Where the bus reports an outage and its end (the server's logger). */
export interface BusLog {
  info(message: string): void
  warn(message: string): void
}

const CHANNEL = /^[a-z0-9][a-z0-9:._-]{0,99}$/

export function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`invalid bus channel: ${channel}`)
}

/** The handlers of each channel, shared by both buses: delivery, with a throwing handler contained. */
export class Handlers {
  private readonly byChannel = new Map<string, Set<(message: unknown) => void>>()

  constructor(private readonly log: BusLog) {}

  /** True when this is the channel's first handler. */
  add(channel: string, handler: (message: unknown) => void): boolean {
    let set = this.byChannel.get(channel)
    const first = set === undefined
    if (set === undefined) {
      set = new Set()
      this.byChannel.set(channel, set)
    }
    set.add(handler)
    return first
  }

  /** True when the channel has no handler left. */
  remove(channel: string, handler: (message: unknown) => void): boolean {
    const set = this.byChannel.get(channel)
    if (set === undefined || !set.delete(handler)) return false
    if (set.size > 0) return false
    this.byChannel.delete(channel)
    return true
  }

  get channels(): string[] {
    return [...this.byChannel.keys()]
  }

  deliver(channel: string, text: string): void {
    const set = this.byChannel.get(channel)
    if (set === undefined) return
    for (const handler of set) {
      try {
        // Each handler its own copy: one cannot change what the next one sees.
        handler(JSON.parse(text))
      } catch (error) {
        this.log.warn(`event bus: a handler of "${channel}" failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
}

export function serialise(message: unknown): string {
  const text = JSON.stringify(message)
  if (text === undefined) throw new TypeError('a bus message must be JSON')
  return text
}
