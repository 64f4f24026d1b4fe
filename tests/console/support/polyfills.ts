/**
 * What jsdom lacks and Ant Design asks for: matchMedia (Grid, Sider breakpoints), ResizeObserver
 * (Table, Select), getComputedStyle with a pseudo-element, TextEncoder for the router.
 */
import { TextDecoder, TextEncoder } from 'node:util'

Object.assign(globalThis, { TextEncoder, TextDecoder })

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
})

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverStub })

const computed = window.getComputedStyle.bind(window)
window.getComputedStyle = (element: Element) => computed(element)

/**
 * rc-component's form and select post to a fresh MessageChannel for a macro task. Node's real one
 * keeps the process alive (Jest would not exit); a timer does the same job here.
 */
class MessagePortShim {
  onmessage: ((event: { data: unknown }) => void) | null = null
  other: MessagePortShim | null = null
  postMessage(data: unknown): void {
    const target = this.other
    setTimeout(() => target?.onmessage?.({ data }), 0)
  }
  close(): void {}
  start(): void {}
  addEventListener(): void {}
  removeEventListener(): void {}
}
class MessageChannelShim {
  readonly port1 = new MessagePortShim()
  readonly port2 = new MessagePortShim()
  constructor() {
    this.port1.other = this.port2
    this.port2.other = this.port1
  }
}
Object.assign(globalThis, { MessageChannel: MessageChannelShim })
