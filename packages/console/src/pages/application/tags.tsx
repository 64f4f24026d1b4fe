/**
 * Tags with AA contrast (dark text on a pale fill): Ant Design's preset success/error/orange tags
 * fall below 4.5:1, and axe runs on these pages.
 */
import { Tag } from 'antd'
import type { ReactNode } from 'react'

const TONES = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  plain: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
} as const

export type Tone = keyof typeof TONES

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag bordered style={TONES[tone]}>
      {children}
    </Tag>
  )
}
