/**
 * Which approved applications may go on a new notice batch: those in `public-notice` status that
 * no batch holds yet. The queue does not say whether an application is in a batch, so the page
 * reads the batches' lists and leaves those out; the server checks again and refuses (409, with
 * the numbers) any that another officer has put on a batch meanwhile.
 */
import type { NoticeBatch, NoticeBatchDetail, StaffQueueItem } from '@zhihui/core'

export function waitingForNotice(queue: readonly StaffQueueItem[], batches: readonly Pick<NoticeBatchDetail, 'items'>[]): StaffQueueItem[] {
  const inBatch = new Set(batches.flatMap((b) => b.items.map((item) => item.applicationNo)))
  return queue.filter((item) => item.status === 'public-notice' && !inBatch.has(item.applicationNo))
}

/** Keeps only the selected numbers that are still waiting (after a reload, some may be gone). */
export function keepSelectable(selected: readonly string[], waiting: readonly StaffQueueItem[]): string[] {
  const nos = new Set(waiting.map((w) => w.applicationNo))
  return selected.filter((no) => nos.has(no))
}

/** A batch's state in words: 公示中 until its end date, then 公示已结束. */
export const batchStateLabel = (batch: Pick<NoticeBatch, 'ended'>): string => (batch.ended ? '公示已结束' : '公示中')

/** Newest batch first. */
export const byNewest = (a: NoticeBatch, b: NoticeBatch): number => b.createdAt.localeCompare(a.createdAt)

/** The name a downloaded list is saved under when the server gives none. */
export const listFileName = (batch: Pick<NoticeBatch, 'start' | 'end'>): string => `公示名单_${batch.start}_${batch.end}.xlsx`
