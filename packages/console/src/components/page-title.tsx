import type { ReactNode } from 'react'

/** The page's one h1 (every page has one, for screen readers and axe). */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
      <h1 className="page-title">{children}</h1>
      {extra !== undefined ? <div style={{ marginBottom: 16 }}>{extra}</div> : null}
    </div>
  )
}
