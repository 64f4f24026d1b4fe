/** The columns of an application list (the queue, the workbench's lists): one definition. */
import { EDUCATION_LABELS, type StaffQueueItem } from '@zhihui/core'
import type { TableColumnsType } from 'antd'
import { Link } from 'react-router-dom'
import { CHANNEL_LABELS } from '../labels'
import { formatDateTime } from './format'
import { StatusTag } from './status-tag'

export const applicationColumns: TableColumnsType<StaffQueueItem> = [
  {
    title: '申请编号',
    dataIndex: 'applicationNo',
    render: (no: string) => <Link to={`/applications/${encodeURIComponent(no)}`}>{no}</Link>,
  },
  { title: '姓名', dataIndex: 'name' },
  { title: '状态', dataIndex: 'status', render: (status: StaffQueueItem['status']) => <StatusTag status={status} /> },
  { title: '户籍区县', dataIndex: 'district', render: (d: string | null) => d ?? '—' },
  { title: '学历', dataIndex: 'education', render: (e: StaffQueueItem['education']) => (e ? EDUCATION_LABELS[e] : '—') },
  { title: '渠道', dataIndex: 'channel', render: (c: StaffQueueItem['channel']) => CHANNEL_LABELS[c] },
  { title: '提交时间', dataIndex: 'submittedAt', render: (at: string | null) => formatDateTime(at) },
]
