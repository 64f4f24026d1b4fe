/**
 * 按月发放 (/payment-runs) and one run (/payment-runs/:id): design.md, "Monthly payments". The
 * list of runs and, for the payments officer, the form that runs a month; a run's lines, totals
 * and its bank file (代发) for download.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import type { PaymentRunDetail, PaymentRunSummary } from '@zhihui/core'
import { bankFileUrl, createPaymentRun, getPaymentRun, listPaymentRuns } from '../../api/payments'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { formatYuan, lineStatusText, monthLabel, runErrorText, runMonthError } from './helpers'

export default function PaymentRunsPage() {
  const { id } = useParams()
  return id ? <RunDetail id={id} /> : <RunList />
}

function RunList() {
  const staff = useStaff()
  const officer = staff.roles.includes('payments')
  const query = useQuery({ queryKey: queryKeys.paymentRuns, queryFn: listPaymentRuns })

  const columns: TableColumnsType<PaymentRunSummary> = [
    { title: '发放月份', dataIndex: 'month', render: (month: string, run) => <Link to={`/payment-runs/${run.id}`}>{monthLabel(month)}</Link> },
    { title: '已发放（人）', dataIndex: 'paid', align: 'right' },
    { title: '暂停（人）', dataIndex: 'suspended', align: 'right' },
    { title: '发放金额（元）', dataIndex: 'totalYuan', align: 'right', render: (yuan: number) => formatYuan(yuan) },
    { title: '发放人', dataIndex: 'createdBy' },
    { title: '发放时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ]

  return (
    <>
      <PageTitle>按月发放</PageTitle>
      {officer ? <RunForm /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<PaymentRunSummary>
        rowKey='id'
        loading={query.isPending}
        columns={columns}
        dataSource={query.data?.runs ?? []}
        pagination={{ pageSize: 24, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有发放批次' }}
      />
    </>
  )
}

function RunForm() {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [month, setMonth] = useState<Dayjs | null>(null)
  const [checkError, setCheckError] = useState<string | null>(null)
  const [result, setResult] = useState<PaymentRunSummary | null>(null)
  const run = useMutation({
    mutationFn: (value: string) => createPaymentRun(value),
    onSuccess: async (answer) => {
      setResult(answer.run)
      void message.success(`${monthLabel(answer.run.month)}已发放。`)
      await queryClient.invalidateQueries({ queryKey: queryKeys.paymentRuns })
      await queryClient.invalidateQueries({ queryKey: queryKeys.applications })
    },
  })
  const value = month ? month.format('YYYY-MM') : ''

  const submit = () => {
    const error = runMonthError(value)
    setCheckError(error)
    setResult(null)
    run.reset()
    if (error === null) run.mutate(value)
  }

  const shownError = checkError ?? (run.isError ? runErrorText(run.error, run.variables ?? value) : null)

  return (
    <Card title='发放一个月份' size='small' style={{ marginBottom: 16 }}>
      <Form layout='inline' onFinish={submit}>
        <Form.Item label='发放月份' htmlFor='payment-run-month' validateStatus={checkError ? 'error' : undefined}>
          <DatePicker
            id='payment-run-month'
            picker='month'
            format='YYYY-MM'
            placeholder='选择月份'
            value={month}
            onChange={(next) => {
              setMonth(next)
              setCheckError(null)
            }}
          />
        </Form.Item>
        <Form.Item>
          <Button type='primary' htmlType='submit' loading={run.isPending}>
            发放
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type='secondary' style={{ marginTop: 8, marginBottom: 0 }}>
        每个月份只发放一次：所有发放中的申请得到这个月的发放记录（首次发放含此前应发月份），完成后可下载银行代发文件。
      </Typography.Paragraph>
      {shownError ? <Alert role='alert' type='error' showIcon title={shownError} style={{ marginTop: 12 }} /> : null}
      {result ? (
        <Alert
          type='success'
          showIcon
          style={{ marginTop: 12 }}
          // A line is one person's one month: a first run pays arrears, so lines are not people.
          title={`${monthLabel(result.month)}批次完成：发放 ${result.paid} 笔，暂停 ${result.suspended} 笔（每人每月一笔），共 ${formatYuan(result.totalYuan)}。`}
          action={<Link to={`/payment-runs/${result.id}`}>查看批次</Link>}
        />
      ) : null}
    </Card>
  )
}

const PAGE_SIZE = 200

type Line = PaymentRunDetail['lines'][number]

function RunDetail({ id }: { id: string }) {
  const staff = useStaff()
  const officer = staff.roles.includes('payments')
  const [page, setPage] = useState(1)
  const query = useQuery({ queryKey: [...queryKeys.paymentRuns, id, page], queryFn: () => getPaymentRun(id, { page, pageSize: PAGE_SIZE }) })

  const columns: TableColumnsType<Line> = [
    // Fixed widths keep number, name and month on one line; a long suspension reason wraps in its own column.
    { title: '申请编号', dataIndex: 'applicationNo', width: 190, render: (no: string) => <Link to={`/applications/${encodeURIComponent(no)}`}>{no}</Link> },
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '月份', dataIndex: 'month', width: 120, render: (m: string) => monthLabel(m) },
    { title: '金额（元）', dataIndex: 'amountYuan', width: 120, align: 'right', render: (yuan: number) => formatYuan(yuan) },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_: unknown, line) => (
        <Space size={4} wrap>
          <Tag color={line.status === 'paid' ? 'green' : 'orange'}>{line.status === 'paid' ? '已发放' : '暂停'}</Tag>
          {line.status === 'suspended' && line.reason ? <span>{line.reason}</span> : null}
          <span className='visually-hidden'>{lineStatusText(line)}</span>
        </Space>
      ),
    },
  ]

  const run = query.data?.run
  return (
    <>
      <PageTitle extra={<Link to='/payment-runs'>返回发放批次</Link>}>{run ? `发放批次 ${monthLabel(run.month)}` : '发放批次'}</PageTitle>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {run ? (
        <Card size='small' style={{ marginBottom: 16 }}>
          <Descriptions
            size='small'
            column={{ xs: 1, sm: 2, md: 3 }}
            items={[
              { key: 'month', label: '发放月份', children: monthLabel(run.month) },
              { key: 'paid', label: '已发放（每人每月一笔）', children: `${run.paid} 笔` },
              { key: 'suspended', label: '暂停', children: `${run.suspended} 笔` },
              { key: 'total', label: '发放金额合计', children: formatYuan(run.totalYuan) },
              { key: 'by', label: '发放人', children: run.createdBy },
              { key: 'at', label: '发放时间', children: formatDateTime(run.createdAt) },
            ]}
          />
          {officer ? (
            <Space style={{ marginTop: 12 }} wrap>
              <Button type='primary' href={bankFileUrl(run.id, 'xlsx')} download>
                下载银行代发文件（Excel）
              </Button>
              <Button href={bankFileUrl(run.id, 'csv')} download>
                下载银行代发文件（CSV）
              </Button>
            </Space>
          ) : null}
        </Card>
      ) : null}
      <Table<Line>
        rowKey={(line) => `${line.applicationNo}-${line.month}`}
        loading={query.isPending}
        columns={columns}
        dataSource={query.data?.lines ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        locale={{ emptyText: '这个批次没有发放记录' }}
      />
    </>
  )
}
