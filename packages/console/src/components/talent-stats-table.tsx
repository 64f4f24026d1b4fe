/**
 * The quality of each bureau's talent service as a table (the bureau its own row, the leader every
 * bureau's): the text alternative of the dashboard's charts. No personal numbers: counts and rates.
 */
import { formatRate, type TalentBureauStats } from '@zhihui/core'
import { Table, type TableColumnsType } from 'antd'

const hoursText = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 10) / 10} 小时`)

const columns: TableColumnsType<TalentBureauStats> = [
  { title: '服务单位', dataIndex: 'bureau' },
  { title: '服务请求', dataIndex: 'requests', align: 'right' },
  { title: '已完成', dataIndex: 'done', align: 'right' },
  { title: '平均确认用时', dataIndex: 'meanHoursToConfirm', align: 'right', render: hoursText },
  { title: '评价数', dataIndex: 'ratings', align: 'right' },
  { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
  { title: '投诉', dataIndex: 'complaints', align: 'right' },
  { title: '投诉率', dataIndex: 'complaintRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
  {
    title: '投诉超期',
    dataIndex: 'overdueComplaints',
    align: 'right',
    render: (n: number) => (n > 0 ? <strong style={{ color: '#a8071a' }}>{n}（超期）</strong> : n),
  },
  {
    title: '确认超期',
    dataIndex: 'overdueConfirmations',
    align: 'right',
    render: (n: number) => (n > 0 ? <strong style={{ color: '#a8071a' }}>{n}（超期）</strong> : n),
  },
]

export function TalentStatsTable({ bureaus, caption, testId }: { bureaus: readonly TalentBureauStats[]; caption: string; testId?: string }) {
  return (
    <Table<TalentBureauStats>
      data-testid={testId}
      rowKey="bureau"
      size="small"
      columns={columns}
      dataSource={[...bureaus]}
      pagination={false}
      title={() => <h2 className="section-title">{caption}</h2>}
      onRow={(row) => ({ 'data-bureau': row.bureau }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: '暂无统计数据' }}
    />
  )
}
