/** 工作台: how many applications stand in each status, what waits for me, and what is overdue. */
import { useQuery } from '@tanstack/react-query'
import { type ApplicationStatus, type StaffQueueItem } from '@zhihui/core'
import { Alert, Card, Col, Row, Skeleton, Statistic, Table } from 'antd'
import { Link } from 'react-router-dom'
import { getOverview } from '../../api/applications'
import { applicationColumns } from '../../components/application-columns'
import { ErrorAlert } from '../../components/error-alert'
import { PageTitle } from '../../components/page-title'
import { statusLabel } from '../../components/status-tag'
import { queryKeys } from '../../query-client'
import { canOpen, routeByKey } from '../../routes'
import { useStaff } from '../../session'

/** The statuses staff work on, in the order an application passes them. */
const SHOWN: ApplicationStatus[] = ['submitted', 'under-review', 'rejected', 'public-notice', 'paying', 'paid']

export default function WorkbenchPage() {
  const staff = useStaff()
  const overview = useQuery({ queryKey: queryKeys.overview, queryFn: getOverview })
  const data = overview.data
  const extra = data ? (Object.keys(data.counts) as ApplicationStatus[]).filter((s) => !SHOWN.includes(s)) : []
  return (
    <>
      <PageTitle>工作台</PageTitle>
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.isPending ? <Skeleton active /> : null}
      {data ? (
        <>
          <section aria-labelledby="counts-title">
            <h2 id="counts-title" className="section-title" style={{ marginBottom: 12 }}>
              各状态申请数
            </h2>
            <Row gutter={[16, 16]}>
              {[...SHOWN, ...extra].map((status) => (
                <Col key={status} span={4}>
                  <Link to={`/applications?status=${status}`} aria-label={`${statusLabel(status)}：${data.counts[status] ?? 0} 件，查看列表`}>
                    <Card hoverable size="small">
                      <Statistic title={statusLabel(status)} value={data.counts[status] ?? 0} suffix="件" />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </section>
          {data.noticesEnded > 0 && canOpen(routeByKey('payment-runs'), staff) ? (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title={
                <>
                  {data.noticesEnded} 个公示批次已结束、尚有申请待发放。<Link to="/payment-runs">去发放</Link>
                </>
              }
            />
          ) : null}
          <ItemList id="mine" title="我的待办" hint="由我处理过、现在又等待我处理的申请（如退回后重新提交）" items={data.mine} empty="暂无待办" />
          <ItemList
            id="overdue"
            title={`超期未审（提交超过 ${data.overdueDays} 个工作日）`}
            hint="提交后超过时限仍未作出审核决定的申请"
            items={data.overdue}
            empty="没有超期的申请"
          />
        </>
      ) : null}
    </>
  )
}

function ItemList({ id, title, hint, items, empty }: { id: string; title: string; hint: string; items: StaffQueueItem[]; empty: string }) {
  return (
    <section aria-labelledby={`${id}-title`} style={{ marginTop: 24 }}>
      <h2 id={`${id}-title`} className="section-title">
        {title}（{items.length}）
      </h2>
      <p style={{ margin: '4px 0 12px', color: 'rgba(0,0,0,0.68)' }}>{hint}</p>
      <Table<StaffQueueItem>
        rowKey="applicationNo"
        size="small"
        columns={applicationColumns}
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: empty }}
      />
    </section>
  )
}
