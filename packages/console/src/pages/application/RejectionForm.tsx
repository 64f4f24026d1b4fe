/**
 * 不通过: the reviewer picks, per document or form field, reasons from core's catalogue and may add
 * their own words; the preview beside it is exactly what the applicant will read. Sending an empty
 * rejection is refused here with the reason (the server refuses it too).
 */
import { DeleteOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Empty, Input, Modal, Select, Typography } from 'antd'
import { useEffect, useId, useMemo, useState } from 'react'
import { reasonTemplates, type RejectionReason } from '@zhihui/core'
import type { ReasonTarget } from './format'
import {
  addTarget,
  buildReasons,
  MAX_MESSAGE_LENGTH,
  previewLines,
  rejectionProblem,
  removeTarget,
  setNote,
  targetLabel,
  toggleCode,
  type RejectionDraft,
} from './reasons'

interface Props {
  open: boolean
  targets: ReasonTarget[]
  draft: RejectionDraft
  onDraft: (draft: RejectionDraft) => void
  onCancel: () => void
  onSubmit: (reasons: RejectionReason[]) => void
  pending: boolean
  /** The server's refusal, if any (shown above the buttons). */
  error: string | null
}

export function RejectionModal({ open, targets, draft, onDraft, onCancel, onSubmit, pending, error }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const reasons = useMemo(() => buildReasons(draft), [draft])
  const lines = previewLines(reasons)
  const chosen = Object.keys(draft)
  const pickerId = useId()

  // Once a send was refused, the message follows the draft; closing the dialog clears it.
  useEffect(() => {
    if (!open) setProblem(null)
  }, [open])
  const shownProblem = problem === null ? null : rejectionProblem(draft)
  const update = (next: RejectionDraft) => onDraft(next)

  const submit = () => {
    const why = rejectionProblem(draft)
    setProblem(why)
    if (why === null) onSubmit(reasons)
  }

  const options = [
    {
      label: '证件照片',
      title: '证件照片',
      options: targets.filter((t) => t.group === 'document').map((t) => ({ value: t.target, label: t.label, disabled: chosen.includes(t.target) })),
    },
    {
      label: '填写项',
      title: '填写项',
      options: targets.filter((t) => t.group === 'field').map((t) => ({ value: t.target, label: t.label, disabled: chosen.includes(t.target) })),
    },
  ]

  return (
    <Modal
      open={open}
      title='审核不通过'
      width={1080}
      onCancel={onCancel}
      destroyOnHidden={false}
      footer={[
        <Button key='cancel' onClick={onCancel}>
          取消
        </Button>,
        <Button key='submit' type='primary' danger loading={pending} onClick={submit}>
          确认不通过并通知申请人
        </Button>,
      ]}
    >
      <div className='review-reject'>
        <div className='review-reject-form'>
          <label htmlFor={pickerId} className='review-field-label'>
            需要申请人修改的证件或填写项
          </label>
          <Select
            id={pickerId}
            style={{ width: '100%' }}
            placeholder='选择一项证件或填写项'
            value={null}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(target: string | null) => target && update(addTarget(draft, target))}
          />
          {chosen.length === 0 ? (
            <Empty className='review-reject-empty' image={Empty.PRESENTED_IMAGE_SIMPLE} description='请先选择需要修改的证件或填写项' />
          ) : null}
          {chosen.map((target) => (
            <TargetReasons key={target} target={target} draft={draft} onDraft={update} />
          ))}
        </div>
        <section className='review-reject-preview' aria-labelledby={`${pickerId}-preview`}>
          <Typography.Title level={2} className='review-preview-title' id={`${pickerId}-preview`}>
            申请人将看到
          </Typography.Title>
          {lines.length === 0 ? (
            <Typography.Text type='secondary'>还没有原因。</Typography.Text>
          ) : (
            <ol className='review-preview-list' data-testid='rejection-preview'>
              {lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          )}
          <Typography.Paragraph type='secondary' className='review-preview-note'>
            申请人在小程序“办理进度”中看到以上内容，并只能修改这些证件和填写项后重新提交。
          </Typography.Paragraph>
        </section>
      </div>
      {shownProblem ? <Alert type='error' showIcon role='alert' title={shownProblem} style={{ marginTop: 12 }} /> : null}
      {error ? <Alert type='error' showIcon role='alert' title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  )
}

function TargetReasons({ target, draft, onDraft }: { target: string; draft: RejectionDraft; onDraft: (d: RejectionDraft) => void }) {
  const pick = draft[target] ?? { codes: [], note: '' }
  const noteId = useId()
  const label = targetLabel(target)
  return (
    <Card
      size='small'
      className='review-target'
      title={label}
      extra={
        <Button size='small' type='text' icon={<DeleteOutlined />} aria-label={`移除“${label}”`} onClick={() => onDraft(removeTarget(draft, target))}>
          移除
        </Button>
      }
    >
      <fieldset className='review-fieldset'>
        <legend className='visually-hidden'>{label}的不通过原因</legend>
        {reasonTemplates(target).map((template) => (
          <div key={template.code} className='review-reason-option'>
            <Checkbox
              checked={pick.codes.includes(template.code)}
              onChange={(e) => onDraft(toggleCode(draft, target, template.code, e.target.checked))}
            >
              {template.message}
            </Checkbox>
          </div>
        ))}
      </fieldset>
      <label htmlFor={noteId} className='review-field-label'>
        补充说明（可选，申请人可见）
      </label>
      <Input.TextArea
        id={noteId}
        value={pick.note}
        maxLength={MAX_MESSAGE_LENGTH}
        showCount
        rows={2}
        placeholder='用申请人能看懂的话写明问题和修改方法'
        onChange={(e) => onDraft(setNote(draft, target, e.target.value))}
      />
    </Card>
  )
}
