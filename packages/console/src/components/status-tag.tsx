/**
 * An application status as a tag. Colours are chosen for AA contrast (dark text on a pale fill):
 * Ant Design's preset green and orange tags fall below 4.5:1.
 */
import { STATUS_LABELS, type ApplicationStatus } from '@zhihui/core'
import { Tag } from 'antd'

const COLOURS: Record<string, { color: string; background: string; border: string }> = {
  draft: { color: '#434343', background: '#fafafa', border: '#d9d9d9' },
  submitted: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
  'under-review': { color: '#002c8c', background: '#f0f5ff', border: '#adc6ff' },
  rejected: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  'public-notice': { color: '#873800', background: '#fff7e6', border: '#ffd591' },
  paying: { color: '#391085', background: '#f9f0ff', border: '#d3adf7' },
  paid: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  stopped: { color: '#5c0011', background: '#fff1f0', border: '#ffa39e' },
  withdrawn: { color: '#434343', background: '#f5f5f5', border: '#d9d9d9' },
}

export const statusLabel = (status: ApplicationStatus): string => (STATUS_LABELS as Record<string, string>)[status] ?? status

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const colour = COLOURS[status] ?? COLOURS.draft
  return (
    <Tag style={{ color: colour?.color, background: colour?.background, borderColor: colour?.border }} variant="outlined">
      {statusLabel(status)}
    </Tag>
  )
}
