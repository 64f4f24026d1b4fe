/**
 * 人才服务总览 (city leaders): every bureau side by side — requests, time to confirm, satisfaction
 * rate, complaint rate, overdue complaints — and the city's trend by month, as charts with tables
 * of the same numbers below them. Counts and rates only: no personal numbers.
 */
import { useQuery } from '@tanstack/react-query'
import { formatRate } from '@zhihui/core'
import { Button, Card, Col, Row, Space, Table } from 'antd'
import { useMemo } from 'react'
import { getTalentStats, talentKeys } from '../../api/talent'
import { ErrorAlert } from '../../components/error-alert'
import { PageTitle } from '../../components/page-title'
import { TalentStatsTable } from '../../components/talent-stats-table'
import { confirmTimeOption, monthTotals, ratesOption, requestsOption, trendOption, type MonthTotal } from './chart-options'
import { EChart } from './echart'

export default function TalentLeaderPage() {
  const stats = useQuery({ queryKey: talentKeys.stats({}), queryFn: () => getTalentStats(), refetchOnWindowFocus: true })
  const bureaus = useMemo(() => stats.data?.bureaus ?? [], [stats.data])
  const months = useMemo(() => monthTotals(stats.data?.trend ?? []), [stats.data])
  const options = useMemo(
    () => ({ requests: requestsOption(bureaus), rates: ratesOption(bureaus), confirm: confirmTimeOption(bureaus), trend: trendOption(months) }),
    [bureaus, months],
  )

  return (
    <>
      <PageTitle
        extra={
          <Button onClick={() => void stats.refetch()} loading={stats.isFetching}>
            刷新数据
          </Button>
        }
      >
        人才服务总览
      </PageTitle>
      {stats.data ? (
        <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.68)' }}>
          统计期间：{stats.data.from} 至 {stats.data.to}。满意率 = 非常满意、满意、基本满意的评价 ÷ 全部评价；投诉率 = 投诉 ÷ 已完成的服务。“—”表示暂无数据。
        </p>
      ) : null}
      {stats.isError ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.isPending ? <p>正在加载…</p> : null}
      {stats.data ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Card size="small" title={<h2 className="section-title">各局委服务请求与投诉超期</h2>}>
                <EChart option={options.requests} label="柱状图：各局委的服务请求数、已完成数和投诉超期数，数据见下方表格" testId="chart-requests" />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={<h2 className="section-title">各局委满意率与投诉率</h2>}>
                <EChart option={options.rates} label="柱状图：各局委的满意率和投诉率，数据见下方表格" testId="chart-rates" />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={<h2 className="section-title">各局委平均确认用时</h2>}>
                <EChart option={options.confirm} label="柱状图：各局委从提交到确认的平均小时数，数据见下方表格" testId="chart-confirm" />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={<h2 className="section-title">全市按月趋势</h2>}>
                <EChart option={options.trend} label="柱线图：全市每月服务请求数、满意率和投诉率，数据见下方按月表格" testId="chart-trend" />
              </Card>
            </Col>
          </Row>
          <TalentStatsTable bureaus={bureaus} caption="各局委服务质量（图表数据）" testId="leader-stats" />
          <MonthTable months={months} />
        </Space>
      ) : null}
    </>
  )
}

function MonthTable({ months }: { months: MonthTotal[] }) {
  return (
    <Table<MonthTotal>
      rowKey="month"
      size="small"
      pagination={false}
      title={() => <h2 className="section-title">全市按月趋势（图表数据）</h2>}
      dataSource={months}
      locale={{ emptyText: '暂无数据' }}
      columns={[
        { title: '月份', dataIndex: 'month' },
        { title: '服务请求', dataIndex: 'requests', align: 'right' },
        { title: '已完成', dataIndex: 'done', align: 'right' },
        { title: '评价数', dataIndex: 'ratings', align: 'right' },
        { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
        { title: '投诉', dataIndex: 'complaints', align: 'right' },
        { title: '投诉率', dataIndex: 'complaintRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
      ]}
    />
  )
}
