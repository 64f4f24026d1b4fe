/**
 * The decision bar at the foot of the workspace: 通过, 不通过 and (during a notice) 异议, each only
 * when the server lists it in `detail.actions`. A decision that lost a race (409
 * CONCURRENT_UPDATE) says so and offers to reload; nothing is retried by itself.
 */
import { Alert, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd'
import { useId, useState } from 'react'
import type { StaffApplicationDetail } from '@zhihui/core'
import { isApiError } from '../../api/client'

export const isConcurrentUpdate = (error: unknown): boolean => isApiError(error) && error.code === 'CONCURRENT_UPDATE'

interface Props {
  detail: StaffApplicationDetail
  /** Required documents not yet ticked in the checklist. */
  unchecked: string[]
  onApprove: () => void
  onReject: () => void
  onObject: () => void
  approving: boolean
  /** A decision or objection that failed (not shown inside a dialog). */
  error: unknown
  onReload: () => void
  reloading: boolean
}

export function DecisionBar({ detail, unchecked, onApprove, onReject, onObject, approving, error, onReload, reloading }: Props) {
  const can = (action: StaffApplicationDetail['actions'][number]) => detail.actions.includes(action)
  const none = detail.actions.length === 0
  return (
    <div className='review-decision-bar' role='region' aria-label='审核操作'>
      {error ? (
        isConcurrentUpdate(error) ? (
          <Alert
            type='warning'
            showIcon
            role='alert'
            title='已被他人处理'
            description={isApiError(error) ? error.message : undefined}
            action={
              <Button type='primary' loading={reloading} onClick={onReload}>
                重新加载
              </Button>
            }
            className='review-decision-alert'
          />
        ) : (
          <Alert type='error' showIcon role='alert' title={isApiError(error) ? error.message : '操作失败，请稍后重试。'} className='review-decision-alert' />
        )
      ) : null}
      <div className='review-decision-row'>
        <Typography.Text className='review-decision-hint'>
          {none
            ? '当前状态下您没有可进行的审核操作。'
            : unchecked.length > 0
              ? `还有 ${unchecked.length} 项材料未核对：${unchecked.join('、')}`
              : '材料已全部核对。'}
        </Typography.Text>
        <Space>
          {can('object') ? (
            <Button danger onClick={onObject}>
              异议
            </Button>
          ) : null}
          {can('reject') ? (
            <Button danger onClick={onReject}>
              不通过
            </Button>
          ) : null}
          {can('approve') ? (
            <Popconfirm
              title='确认审核通过？'
              description={
                <div style={{ maxWidth: 320 }}>
                  通过后申请进入公示，并短信通知申请人。
                  {unchecked.length > 0 ? <div className='review-warn-text'>注意：还有 {unchecked.length} 项材料未核对。</div> : null}
                </div>
              }
              okText='确认通过'
              cancelText='取消'
              onConfirm={onApprove}
            >
              <Button type='primary' loading={approving}>
                通过
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </div>
    </div>
  )
}

export function ObjectionModal({
  open,
  onCancel,
  onSubmit,
  pending,
  error,
}: {
  open: boolean
  onCancel: () => void
  onSubmit: (note: string) => void
  pending: boolean
  error: string | null
}) {
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const id = useId()
  const submit = () => {
    const text = note.trim()
    if (text === '') return setProblem('请写明异议内容。')
    if (text.length > 500) return setProblem('异议内容不能超过500字。')
    setProblem(null)
    onSubmit(text)
  }
  return (
    <Modal
      open={open}
      title='公示期间提出异议'
      onCancel={onCancel}
      footer={[
        <Button key='cancel' onClick={onCancel}>
          取消
        </Button>,
        <Button key='submit' type='primary' danger loading={pending} onClick={submit}>
          提交异议
        </Button>,
      ]}
    >
      <Typography.Paragraph>提交后，该申请退回审核，需重新审核后才能继续公示和发放。</Typography.Paragraph>
      <label htmlFor={id} className='review-field-label'>
        异议内容（必填）
      </label>
      <Input.TextArea
        id={id}
        value={note}
        maxLength={500}
        showCount
        rows={4}
        placeholder='例如：收到实名举报，反映申请人未在郑州工作，需核实劳动合同与社保缴纳单位。'
        onChange={(e) => setNote(e.target.value)}
      />
      {problem ? <Alert type='error' showIcon role='alert' title={problem} style={{ marginTop: 12 }} /> : null}
      {error ? <Alert type='error' showIcon role='alert' title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  )
}
