/**
 * How a filed request reaches the service staff the moment it is filed (design.md: pushed, not
 * polled). The talent services publish after the change is committed; every open staff stream
 * (routes/staff/talent.ts) subscribes and keeps the events of its viewer's scope.
 *
 * A thin typed layer over the server's event bus (bus/event-bus.ts, `app.ctx.bus`): in one
 * process that bus is in-memory; with REDIS_URL it is Redis pub/sub, so a request filed on one
 * instance reaches staff streams open on every other. Events are plain JSON for that reason.
 * Delivery is at most once: the database stays the record, and a stream told of a gap (Redis
 * reconnected) tells the console to read the list again.
 */
import type { TalentStreamRequestEvent, TalentStreamStatusEvent } from '@zhihui/core'
import type { EventBus } from '../../bus'

export const TALENT_CHANNEL = 'talent:requests'

export type TalentBusEvent =
  | { type: 'request'; bureau: string; talentId: string; payload: Omit<TalentStreamRequestEvent, 'photoUrl'> }
  | { type: 'status'; bureau: string; payload: TalentStreamStatusEvent }

export type TalentBusListener = (event: TalentBusEvent) => void

export interface TalentEventBus {
  /** Hands the event on; never throws (the change it announces is already committed). */
  publish(event: TalentBusEvent): Promise<void>
  /** Resolves once live, with the function that ends the subscription. */
  subscribe(listener: TalentBusListener): Promise<() => Promise<void>>
  /** Called when events may have been lost (a Redis reconnection); returns the remover. */
  onGap(listener: () => void): () => void
}

const isTalentEvent = (message: unknown): message is TalentBusEvent =>
  typeof message === 'object' &&
  message !== null &&
  ((message as { type?: unknown }).type === 'request' || (message as { type?: unknown }).type === 'status') &&
  typeof (message as { bureau?: unknown }).bureau === 'string'

export function talentBusOver(bus: EventBus, warn: (message: string, error?: unknown) => void): TalentEventBus {
  return {
    async publish(event) {
      await bus.publish(TALENT_CHANNEL, event).catch((error: unknown) => warn('talent event not published', error))
    },
    subscribe(listener) {
      return bus.subscribe(TALENT_CHANNEL, (message) => {
        if (isTalentEvent(message)) listener(message)
      })
    },
    onGap: (listener) => bus.onGap(listener),
  }
}
