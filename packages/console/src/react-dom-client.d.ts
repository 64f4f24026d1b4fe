/**
 * The one react-dom entry the console uses. @types/react-dom is not installed in this workspace
 * (the mini-program never imports react-dom); this declaration covers createRoot until it is.
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react'

  export interface Root {
    render(children: ReactNode): void
    unmount(): void
  }

  export function createRoot(container: Element | DocumentFragment): Root
}
