/**
 * 消息发送: the texts and subscription messages the server sends applicants and talents. The
 * worker retries a failed send by itself; what failed for good (a refused template, a wrong
 * credential, an outcome nobody knows after a crash) waits here for a person, who fixes the cause
 * and presses 重试. Recipients come masked from the server; the texts are not shown.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App as AntApp, Button, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { listMessages, messageKeys, retryMessage, type MessageFilters, type MessageStatus, type StaffMessage } from './api'
import { serverPagination } from '../../components/filter-buttons'

const STATUS_LABELS: Record<MessageStatus, { label: string; color: string }> = {
  failed: { label: '发送失败', color: 'error' },
  pending: { label: '等待发送', color: 'processing' },
  sending: { label: '发送中', color: 'processing' },
  sent: { label: '已发送', color: 'success' },
}

const KIND_LABELS: Record<string, string> = {
  rejection: '审核未通过',
  notice: '公示通知',
  objection: '公示异议',
  payment: '补贴发放',
  stop: '终止发放',
  resume: '恢复发放',
  'talent-request': '人才服务进度',
  'talent-answer': '投诉答复',
}

const CHANNEL_LABELS: Record<StaffMessage['channel'], string> = { sms: '短信', wechat: '微信订阅消息', alipay: '支付宝模板消息' }

const FILTERS: { value: MessageStatus | 'all'; label: string }[] = [
  { value: 'failed', label: '发送失败' },
  { value: 'pending', label: '等待发送' },
  { value: 'sent', label: '已发送' },
  { value: 'all', label: '全部' },
]

const isStatus = (value: string | null): value is MessageStatus => value !== null && value in STATUS_LABELS

/** The list opens on what needs a person: the failed messages. */
function filtersFrom(params: URLSearchParams): MessageFilters {
  const status = params.get('status')
  const page = Number(params.get('page') ?? '1')
  const pageSize = Number(params.get('pageSize') ?? '20')
  return {
    ...(status === 'all' ? {} : { status: isStatus(status) ? status : 'failed' }),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : 20,
  }
}

function RetryButton({ message }: { message: StaffMessage }) {
  const { message: toast } = AntApp.useApp()
  const client = useQueryClient()
  const mutation = useMutation({
    mutationFn: () => retryMessage(message.id),
    onSuccess: async () => {
      toast.success('已重新加入发送队列')
      await client.invalidateQueries({ queryKey: messageKeys.all })
    },
    onError: (error: Error) => {
      toast.error(error.message)
    },
  })
  return (
    <Popconfirm
      title="重新发送这条消息？"
      description={
        message.lastError?.includes('结果未知')
          ? '上次发送结果未知，申请人可能已经收到。请先核实，确认未收到再重发。'
          : '请确认失败原因已经排除（如模板、签名或账号配置）。'
      }
      okText="重发"
      cancelText="取消"
      onConfirm={() => mutation.mutateAsync().catch(() => undefined)}
    >
      <Button size="small" loading={mutation.isPending} aria-label={`重试 ${message.applicationNo ?? message.id}`}>
        重试
      </Button>
    </Popconfirm>
  )
}

const columns: TableColumnsType<StaffMessage> = [
  { title: '生成时间', dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
  { title: '申请编号', dataIndex: 'applicationNo', width: 170, render: (no: string | null) => no ?? '—' },
  { title: '类型', dataIndex: 'kind', width: 110, render: (kind: string) => KIND_LABELS[kind] ?? kind },
  {
    title: '渠道 / 收件人',
    dataIndex: 'recipient',
    width: 170,
    render: (recipient: string, row) => (
      <>
        {CHANNEL_LABELS[row.channel] ?? row.channel}
        <br />
        <Typography.Text type="secondary">{recipient}</Typography.Text>
      </>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (status: MessageStatus) => <Tag color={STATUS_LABELS[status]?.color}>{STATUS_LABELS[status]?.label ?? status}</Tag>,
  },
  { title: '尝试次数', dataIndex: 'attempts', width: 90 },
  {
    title: '最近错误',
    dataIndex: 'lastError',
    render: (error: string | null, row) =>
      error ? (
        <Typography.Text type={row.status === 'failed' ? 'danger' : 'secondary'} style={{ wordBreak: 'break-all' }}>
          {error}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
  {
    title: '操作',
    key: 'actions',
    width: 90,
    render: (_: unknown, row) => (row.status === 'failed' ? <RetryButton message={row} /> : null),
  },
]

export default function MessagesPage() {
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const query = useQuery({ queryKey: messageKeys.list(filters), queryFn: () => listMessages(filters), placeholderData: keepPreviousData })
  const apply = (status: MessageStatus | 'all', page: number, pageSize: number) =>
    setParams(new URLSearchParams({ status, page: String(page), pageSize: String(pageSize) }))
  const current = filters.status ?? 'all'

  return (
    <>
      <PageTitle>消息发送</PageTitle>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          短信和订阅消息由系统自动发送，失败后会按间隔自动重试；多次重试仍失败或发送结果未知的消息在此列出，排除原因后可点“重试”。
        </Typography.Paragraph>
        <Segmented
          aria-label="按状态筛选"
          value={current}
          options={FILTERS}
          onChange={(value) => apply(value as MessageStatus | 'all', 1, filters.pageSize)}
        />
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Table<StaffMessage>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          locale={{ emptyText: query.isPending ? '正在加载…' : current === 'failed' ? '没有发送失败的消息' : '没有符合条件的消息' }}
          pagination={serverPagination(filters, query.data?.total, '条', (page, pageSize) => apply(current, page, pageSize))}
        />
      </Space>
    </>
  )
}
