/**
 * The required documents under the photo, two to a row so photo and checklist fit one screen:
 * each is ticked by itself once its photos have been looked at (and by hand), its name shows its
 * photo, and "有问题" starts a rejection reason for it.
 */
import { Button, Checkbox, Tooltip, Typography } from 'antd'
import type { DocumentKind } from '@zhihui/core'
import { checklistProgress, type ChecklistItem } from './checklist'
import { ToneTag } from './tags'

interface Props {
  items: ChecklistItem[]
  /** The document whose photo is on screen. */
  current: DocumentKind | undefined
  onToggle: (kind: DocumentKind, checked: boolean) => void
  onShow: (kind: DocumentKind) => void
  /** Starts a rejection reason for this document (only when rejecting is allowed). */
  onFlag?: (kind: DocumentKind) => void
}

/** Rows the checklist takes (two documents a row). */
export const checklistRows = (count: number) => Math.max(1, Math.ceil(count / 2))

export function DocumentChecklist({ items, current, onToggle, onShow, onFlag }: Props) {
  const progress = checklistProgress(items)
  return (
    <section className='review-checklist-box' aria-labelledby='review-checklist-title'>
      <div className='review-checklist-head'>
        <h3 id='review-checklist-title' className='review-subtitle'>
          材料核对
        </h3>
        <span className='review-muted'>看过照片自动勾选，也可手动勾选</span>
        <ToneTag tone={progress.complete ? 'good' : 'plain'}>
          已核对 {progress.done}/{progress.total}
        </ToneTag>
      </div>
      {items.length === 0 ? (
        <Typography.Text type='secondary'>尚不能确定所需材料（申请信息不完整）。</Typography.Text>
      ) : (
        <ul className='review-checklist'>
          {items.map((item) => (
            <li key={item.kind} className={item.kind === current ? 'review-check-current' : undefined}>
              <Checkbox
                aria-label={`已核对：${item.label}`}
                checked={item.checked}
                onChange={(e) => onToggle(item.kind, e.target.checked)}
              />
              {item.photos > 0 ? (
                <Tooltip title='显示这份证件的照片'>
                  <Button
                    size='small'
                    type='link'
                    className='review-check-name'
                    aria-current={item.kind === current ? 'true' : undefined}
                    onClick={() => onShow(item.kind)}
                  >
                    {item.label}
                  </Button>
                </Tooltip>
              ) : (
                <span className='review-check-name review-check-name-plain'>{item.label}</span>
              )}
              <span className='review-check-state'>
                {item.missing ? <ToneTag tone='bad'>未上传</ToneTag> : null}
                {!item.photo ? <ToneTag tone='plain'>核验原件</ToneTag> : null}
                {item.photos > 0 ? (
                  <span className='review-muted'>
                    已看 {item.viewedPhotos}/{item.photos}
                    {item.by === 'manual' ? '（手动）' : ''}
                  </span>
                ) : item.by === 'manual' ? (
                  <span className='review-muted'>（手动）</span>
                ) : null}
              </span>
              {onFlag ? (
                <Button
                  size='small'
                  type='link'
                  danger
                  className='review-check-flag'
                  onClick={() => onFlag(item.kind)}
                  aria-label={`有问题：${item.label}（填写不通过原因）`}
                >
                  有问题
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
