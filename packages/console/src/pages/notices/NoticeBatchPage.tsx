/** One notice batch: its dates, its 公示名单 and (payments officers) the .xlsx download. */
import { DownloadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link } from 'react-router-dom'
import { EDUCATION_LABELS, type NoticeListRow } from '@zhihui/core'
import { isApiError } from '../../api/client'
import { downloadNoticeList, getNotice, startPayments } from '../../api/notices'
import { ErrorAlert } from '../../components/error-alert'
import { PageTitle } from '../../components/page-title'
import { StatusTag } from '../../components/status-tag'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { formatTime } from '../application/format'
import { BatchStateTag, creatorLabel, shortId } from './common'
import { listFileName } from './selection'

const columns: ColumnsType<NoticeListRow> = [
  { title: '序号', key: 'index', width: 64, render: (_, __, i) => i + 1 },
  {
    title: '申请编号',
    dataIndex: 'applicationNo',
    key: 'no',
    render: (no: string) => <Link to={`/applications/${encodeURIComponent(no)}`}>{no}</Link>,
  },
  { title: '姓名', dataIndex: 'name', key: 'name' },
  { title: '身份证号码', dataIndex: 'idNumberMasked', key: 'id', render: (v: string) => <span className='notices-mono'>{v}</span> },
  { title: '学历', dataIndex: 'education', key: 'education', render: (v: keyof typeof EDUCATION_LABELS) => EDUCATION_LABELS[v] ?? v },
  { title: '工作单位', dataIndex: 'employer', key: 'employer' },
  { title: '每月补贴（元）', dataIndex: 'monthlyYuan', key: 'yuan', align: 'right' },
  { title: '状态', dataIndex: 'status', key: 'status', render: (_, row) => <StatusTag status={row.status} /> },
]

export function NoticeBatchPage({ id }: { id: string }) {
  const staff = useStaff()
  const { message, modal } = App.useApp()
  const mayExport = staff.roles.includes('payments')
  const batch = useQuery({ queryKey: [...queryKeys.notices, id], queryFn: () => getNotice(id) })
  const download = useMutation({
    mutationFn: () => downloadNoticeList(id, batch.data ? listFileName(batch.data) : undefined),
    onSuccess: (name) => void message.success(`已下载 ${name}`),
  })
  const queryClient = useQueryClient()
  const start = useMutation({
    mutationFn: () => startPayments(id),
    onSuccess: ({ started }) => {
      void message.success(`已有 ${started.length} 件申请开始发放，此前应发的月份已计入，随下一次按月发放进入银行代发文件。`)
      void queryClient.invalidateQueries({ queryKey: queryKeys.notices })
    },
  })

  if (batch.isPending) {
    return (
      <>
        <PageTitle>公示批次</PageTitle>
        <Skeleton active paragraph={{ rows: 8 }} />
      </>
    )
  }
  if (batch.isError) {
    if (isApiError(batch.error) && batch.error.status === 404) {
      return (
        <Result
          status='404'
          title={<h1 className='page-title'>没有找到这个公示批次</h1>}
          subTitle={batch.error.message}
          extra={<Link to='/notices'>返回公示管理</Link>}
        />
      )
    }
    return (
      <>
        <PageTitle>公示批次</PageTitle>
        <ErrorAlert error={batch.error} onRetry={() => void batch.refetch()} />
      </>
    )
  }

  const b = batch.data
  // Applications still in 公示 once the period is over: the officer starts their payments.
  const waiting = b.items.filter((item) => item.status === 'public-notice').length
  const confirmStart = () =>
    modal.confirm({
      title: `开始发放（${waiting} 件）`,
      content: `公示期已于 ${b.end} 结束且无异议的申请将开始按月发放：确定补贴标准，此前应发的月份一并计算。此操作记入审计日志。`,
      okText: '开始发放',
      cancelText: '取消',
      // A refusal closes the dialog and shows the server's message above the list.
      onOk: () => start.mutateAsync().catch(() => undefined),
    })
  return (
    <>
      <PageTitle
        extra={
          <Link to='/notices' className='notices-back'>
            返回公示管理
          </Link>
        }
      >
        公示批次 {b.start} 至 {b.end}
      </PageTitle>
      <Card size='small' className='notices-meta'>
        <Descriptions
          size='small'
          column={4}
          items={[
            { key: 'id', label: '批次编号', children: <span className='notices-mono'>{shortId(b.id)}</span> },
            { key: 'period', label: '公示期', children: `${b.start} 至 ${b.end}` },
            { key: 'state', label: '状态', children: <BatchStateTag batch={b} /> },
            { key: 'size', label: '人数', children: `${b.size} 人` },
            { key: 'by', label: '创建人', children: creatorLabel(b.createdBy) },
            { key: 'at', label: '创建时间', children: formatTime(b.createdAt) },
            {
              key: 'holidays',
              label: '节假日',
              children: b.holidaysKnown ? '已按节假日安排计算' : <Typography.Text type='warning'>未含当年节假日安排，请核对结束日期</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card
        size='small'
        title={<h2 className='section-title'>公示名单</h2>}
        extra={
          mayExport ? (
            <Space>
              {b.ended && waiting > 0 ? (
                <Button type='primary' loading={start.isPending} onClick={confirmStart}>
                  公示结束，开始发放（{waiting} 件）
                </Button>
              ) : null}
              <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
                下载公示名单（.xlsx）
              </Button>
            </Space>
          ) : (
            <Typography.Text type='secondary'>公示名单由发放专员导出</Typography.Text>
          )
        }
      >
        {start.isError ? (
          <Alert
            type='error'
            showIcon
            role='alert'
            title={isApiError(start.error) ? start.error.message : '开始发放失败，请稍后重试。'}
            closable={{ onClose: () => start.reset() }}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {download.isError ? (
          <Alert
            type='error'
            showIcon
            role='alert'
            title={isApiError(download.error) ? download.error.message : '下载失败，请稍后重试。'}
            closable={{ onClose: () => download.reset() }}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Table<NoticeListRow>
          rowKey='applicationNo'
          size='middle'
          columns={columns}
          dataSource={b.items}
          pagination={b.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: '该批次没有申请' }}
        />
      </Card>
    </>
  )
}
