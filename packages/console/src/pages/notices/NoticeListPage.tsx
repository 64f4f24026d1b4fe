/** The batches, newest first; payments officers also see the applications waiting for a batch. */
import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { Alert, App, Button, Card, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { EDUCATION_LABELS, type NoticeBatch, type NoticeBatchDetail, type StaffQueueItem } from '@zhihui/core'
import { listApplications } from '../../api/applications'
import { isApiError } from '../../api/client'
import { createNotice, getNotice, listNotices } from '../../api/notices'
import { ErrorAlert } from '../../components/error-alert'
import { PageTitle } from '../../components/page-title'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { formatTime } from '../application/format'
import { BatchStateTag, creatorLabel, shortId } from './common'
import { byNewest, keepSelectable, waitingForNotice } from './selection'

const WAITING_FILTERS = { status: 'public-notice' as const, page: 1, pageSize: 100 }

/** Every batch's list once all have loaded (null until then), so the waiting list is never too long. */
function combineLists(results: UseQueryResult<NoticeBatchDetail>[]) {
  const ready = results.every((r) => r.isSuccess)
  return {
    details: ready ? results.map((r) => r.data as NoticeBatchDetail) : null,
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error ?? null,
  }
}

export function NoticeListPage() {
  const staff = useStaff()
  const mayCreate = staff.roles.includes('payments')
  const notices = useQuery({ queryKey: queryKeys.notices, queryFn: listNotices })
  const batches = useMemo(() => [...(notices.data?.items ?? [])].sort(byNewest), [notices.data])

  const columns: ColumnsType<NoticeBatch> = [
    { title: '批次编号', dataIndex: 'id', key: 'id', render: (id: string) => <span className='notices-mono'>{shortId(id)}</span> },
    {
      title: '公示期',
      key: 'period',
      render: (_, b) => (
        <Link to={`/notices/${encodeURIComponent(b.id)}`} aria-label={`查看公示批次 ${b.start} 至 ${b.end}`}>
          {b.start} 至 {b.end}
        </Link>
      ),
    },
    { title: '状态', key: 'state', render: (_, b) => <BatchStateTag batch={b} /> },
    { title: '人数', dataIndex: 'size', key: 'size', align: 'right' },
    {
      title: '节假日',
      key: 'holidays',
      render: (_, b) => (b.holidaysKnown ? '已按节假日安排计算' : <Typography.Text type='warning'>未含当年节假日安排，请核对结束日期</Typography.Text>),
    },
    { title: '创建人', dataIndex: 'createdBy', key: 'createdBy', render: (v: string) => creatorLabel(v) },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v) },
  ]

  return (
    <>
      <PageTitle>公示管理</PageTitle>
      {mayCreate ? <WaitingApplications batches={batches} batchesLoaded={notices.isSuccess} /> : null}
      <Card title={<h2 className='section-title'>公示批次</h2>} size='small'>
        {notices.isError ? <ErrorAlert error={notices.error} onRetry={() => void notices.refetch()} /> : null}
        <Table<NoticeBatch>
          rowKey='id'
          size='middle'
          columns={columns}
          dataSource={batches}
          loading={notices.isPending}
          pagination={batches.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: '还没有公示批次' }}
        />
      </Card>
    </>
  )
}

/**
 * Approved applications (status 公示中) that no batch holds yet: the queue minus every batch's
 * list. The server refuses (409) any that another officer has put on a batch meanwhile and names
 * them; that message is shown as it is.
 */
function WaitingApplications({ batches, batchesLoaded }: { batches: NoticeBatch[]; batchesLoaded: boolean }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [selected, setSelected] = useState<string[]>([])

  const queue = useQuery({ queryKey: queryKeys.queue(WAITING_FILTERS), queryFn: () => listApplications(WAITING_FILTERS) })
  const lists = useQueries({
    queries: batches.map((b) => ({ queryKey: [...queryKeys.notices, b.id], queryFn: () => getNotice(b.id), enabled: batchesLoaded })),
    combine: combineLists,
  })

  const waiting = useMemo(
    () => (queue.data && lists.details !== null ? waitingForNotice(queue.data.items, lists.details) : []),
    [queue.data, lists.details],
  )
  const chosen = keepSelectable(selected, waiting)

  const create = useMutation({
    mutationFn: (nos: string[]) => createNotice(nos),
    onSuccess: async ({ batch }) => {
      setSelected([])
      void message.success(`已创建公示批次（${batch.start} 至 ${batch.end}）。`)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.notices }),
        queryClient.invalidateQueries({ queryKey: queryKeys.applications }),
        queryClient.invalidateQueries({ queryKey: queryKeys.overview }),
      ])
      void navigate(`/notices/${encodeURIComponent(batch.id)}`)
    },
    onError: async (error) => {
      // Someone else may have put some of them on a batch: read the lists again.
      if (isApiError(error) && error.status === 409) {
        await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.notices }), queue.refetch()])
      }
    },
  })

  const columns: ColumnsType<StaffQueueItem> = [
    {
      title: '申请编号',
      dataIndex: 'applicationNo',
      key: 'no',
      render: (no: string) => <Link to={`/applications/${encodeURIComponent(no)}`}>{no}</Link>,
    },
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '落户区县', dataIndex: 'district', key: 'district', render: (v: string | null) => v ?? '—' },
    {
      title: '学历',
      dataIndex: 'education',
      key: 'education',
      render: (v: keyof typeof EDUCATION_LABELS | null) => (v ? EDUCATION_LABELS[v] : '—'),
    },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', render: (v: string | null) => formatTime(v) },
  ]

  const loading = queue.isPending || !batchesLoaded || lists.pending
  const more = queue.data && queue.data.total > queue.data.items.length

  return (
    <Card
      title={<h2 className='section-title'>待公示的申请</h2>}
      size='small'
      className='notices-waiting'
      extra={
        <Button type='primary' disabled={chosen.length === 0} loading={create.isPending} onClick={() => create.mutate(chosen)}>
          {chosen.length === 0 ? '创建公示批次' : `创建公示批次（${chosen.length} 份）`}
        </Button>
      }
    >
      <Typography.Paragraph className='notices-hint'>
        审核已通过、尚未列入公示批次的申请。勾选后创建批次：公示期自今天起计 7 个工作日，创建后短信通知申请人。
      </Typography.Paragraph>
      {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {lists.error ? <ErrorAlert error={lists.error} /> : null}
      {create.isError ? (
        <Alert
          type='error'
          showIcon
          role='alert'
          title={isApiError(create.error) ? create.error.message : '创建失败，请稍后重试。'}
          closable={{ onClose: () => create.reset() }}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {more ? (
        <Alert
          type='info'
          showIcon
          style={{ marginBottom: 12 }}
          title={`共有 ${queue.data?.total} 份审核通过的申请，这里列出前 ${queue.data?.items.length} 份；创建批次后其余的会列出。`}
        />
      ) : null}
      <Table<StaffQueueItem>
        rowKey='applicationNo'
        size='small'
        columns={columns}
        dataSource={waiting}
        loading={loading}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setSelected(keys.map(String)),
          getTitleCheckboxProps: () => ({ 'aria-label': '全选待公示的申请' }),
          getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.name}（${row.applicationNo}）` }),
        }}
        pagination={waiting.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: '没有等待公示的申请' }}
      />
    </Card>
  )
}
