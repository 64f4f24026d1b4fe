import { Tag } from 'antd'
import type { NoticeBatch } from '@zhihui/core'
import { batchStateLabel } from './selection'

/** AA-contrast tags (Ant Design's preset green/orange fall below 4.5:1). */
export function BatchStateTag({ batch }: { batch: Pick<NoticeBatch, 'ended'> }) {
  const style = batch.ended
    ? { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' }
    : { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' }
  return (
    <Tag bordered style={style}>
      {batchStateLabel(batch)}
    </Tag>
  )
}

/** The actor id of the creator without its kind prefix ('staff:payments' → 'payments'). */
export const creatorLabel = (createdBy: string): string => createdBy.replace(/^staff:/, '')

/** A batch id short enough to read out ('8005c9ea-…' → '8005C9EA'); the full id is in the address. */
export const shortId = (id: string): string => id.replace(/-/g, '').slice(0, 8).toUpperCase()
