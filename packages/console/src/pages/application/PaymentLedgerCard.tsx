/**
 * The monthly-payment ledger of one application (design.md, "Monthly payments"), shown in the
 * review workspace once the application is paying, paid or stopped: paid n of months, the total so
 * far, each month with its amount or the reason it was suspended, the next month due; and for the
 * payments officer 终止发放 / 恢复发放 with a required reason.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, Input, Modal, Skeleton, Table, Tag, type TableColumnsType } from 'antd'
import { useId, useState } from 'react'
import type { StaffLedger } from '@zhihui/core'
import { isApiError } from '../../api/client'
import { getLedger, resumePayments, stopPayments } from '../../api/payments'
import { ErrorAlert } from '../../components/error-alert'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { formatYuan, hasLedger, ledgerProgressText, monthLabel, paymentAction, reasonError } from '../payment-runs/helpers'

type Line = StaffLedger['lines'][number]

const ACTION_TEXT = { stop: '终止发放', resume: '恢复发放' } as const

export function PaymentLedgerCard({ applicationNo, status }: { applicationNo: string; status: string }) {
  if (!hasLedger(status)) return null
  return <LedgerCard applicationNo={applicationNo} status={status} />
}

function LedgerCard({ applicationNo, status }: { applicationNo: string; status: string }) {
  const staff = useStaff()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const key = [...queryKeys.application(applicationNo), 'ledger', status]
  const query = useQuery({ queryKey: key, queryFn: () => getLedger(applicationNo) })
  const [open, setOpen] = useState(false)

  const ledgerStatus = query.data?.status ?? status
  const action = staff.roles.includes('payments') ? paymentAction(ledgerStatus) : null

  const move = useMutation({
    mutationFn: (reason: string) => (action === 'resume' ? resumePayments(applicationNo, reason) : stopPayments(applicationNo, reason)),
    onSuccess: async (answer) => {
      setOpen(false)
      void message.success(`${action ? ACTION_TEXT[action] : '操作'}成功，申请现为「${answer.statusLabel}」。`)
      await queryClient.invalidateQueries({ queryKey: queryKeys.applications })
    },
  })

  const columns: TableColumnsType<Line> = [
    { title: '月份', dataIndex: 'month', render: (m: string) => monthLabel(m) },
    {
      title: '金额或原因',
      key: 'amount',
      render: (_: unknown, line) =>
        line.status === 'paid' ? (
          <span>
            <Tag color='green'>已发放</Tag>
            {formatYuan(line.amountYuan)}
          </span>
        ) : (
          <span>
            <Tag color='orange'>暂停</Tag>
            {line.reason ?? '—'}
          </span>
        ),
    },
  ]

  return (
    <Card title={<h2 className='review-card-title'>按月发放</h2>} size='small' extra={action ? (
      <Button danger={action === 'stop'} onClick={() => { move.reset(); setOpen(true) }}>
        {ACTION_TEXT[action]}
      </Button>
    ) : null}>
      {query.isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <LedgerBody ledger={query.data} columns={columns} /> : null}
      {action ? (
        <ReasonModal
          key={String(open)}
          open={open}
          title={ACTION_TEXT[action]}
          danger={action === 'stop'}
          onCancel={() => setOpen(false)}
          onSubmit={(reason) => move.mutate(reason)}
          pending={move.isPending}
          error={move.isError ? (isApiError(move.error) ? move.error.message : '提交失败，请稍后重试。') : null}
        />
      ) : null}
    </Card>
  )
}

function LedgerBody({ ledger, columns }: { ledger: StaffLedger; columns: TableColumnsType<Line> }) {
  const { entitlement } = ledger
  return (
    <>
      {ledger.stop ? <Alert type='warning' showIcon title={`已终止发放：${ledger.stop.reason}`} style={{ marginBottom: 12 }} /> : null}
      <Descriptions
        size='small'
        column={2}
        items={[
          { key: 'progress', label: '进度', children: ledgerProgressText(entitlement.paidMonths, entitlement.months) },
          { key: 'total', label: '累计发放', children: formatYuan(entitlement.paidYuan) },
          { key: 'monthly', label: '每月', children: formatYuan(entitlement.monthlyYuan) },
          { key: 'period', label: '发放期', children: `${monthLabel(entitlement.firstMonth)} 至 ${monthLabel(entitlement.lastMonth)}` },
          { key: 'next', label: '下一个发放月份', children: entitlement.nextMonth ? monthLabel(entitlement.nextMonth) : '发放完毕' },
        ]}
      />
      <Table<Line>
        size='small'
        rowKey='month'
        columns={columns}
        dataSource={ledger.lines}
        pagination={false}
        locale={{ emptyText: '还没有发放记录' }}
        style={{ marginTop: 12 }}
      />
    </>
  )
}

function ReasonModal({
  open,
  title,
  danger,
  onCancel,
  onSubmit,
  pending,
  error,
}: {
  open: boolean
  title: string
  danger: boolean
  onCancel: () => void
  onSubmit: (reason: string) => void
  pending: boolean
  error: string | null
}) {
  const id = useId()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    const found = reasonError(reason)
    setProblem(found)
    if (found === null) onSubmit(reason.trim())
  }
  const shown = problem ?? error
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      footer={[
        <Button key='cancel' onClick={onCancel}>
          取消
        </Button>,
        <Button key='submit' type='primary' danger={danger} loading={pending} onClick={submit}>
          {title}
        </Button>,
      ]}
    >
      <label htmlFor={id} style={{ display: 'block', marginBottom: 8 }}>
        原因（必填，申请人会收到这条原因）
      </label>
      <Input.TextArea
        id={id}
        value={reason}
        maxLength={500}
        showCount
        rows={4}
        status={problem ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value)
          setProblem(null)
        }}
      />
      {shown ? <Alert type='error' showIcon role='alert' title={shown} style={{ marginTop: 12 }} /> : null}
    </Modal>
  )
}
