/**
 * 人才服务监管 (a bureau): every talent request of its bureau, read-only, with overdue
 * confirmations and complaints marked; the answer to a complaint or poor rating (within 15
 * working days); its statistics; and news published to the mini-program's home page (信息联动).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { formatRate, TALENT_REQUEST_STATUS_LABELS, type StaffTalentRequest, type TalentRequestStatus } from '@zhihui/core'
import { App as AntApp, Button, Card, Checkbox, Col, Form, Input, List, Modal, Row, Select, Space, Statistic, Table, Tabs } from 'antd'
import { useState } from 'react'
import { isApiError } from '../../api/client'
import {
  answerTalentComplaint,
  getTalentStats,
  listStaffNews,
  listTalentRequests,
  publishNews,
  talentKeys,
  type TalentRequestFilters,
} from '../../api/talent'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { isOverdue, talentColumns } from '../../components/talent-request-columns'
import { TalentStatsTable } from '../../components/talent-stats-table'
import { useStaff } from '../../session'
import { serverPagination } from '../../components/filter-buttons'

const STATUS_OPTIONS = (Object.keys(TALENT_REQUEST_STATUS_LABELS) as TalentRequestStatus[]).map((value) => ({
  value,
  label: TALENT_REQUEST_STATUS_LABELS[value],
}))

export default function TalentBureauPage() {
  const staff = useStaff()
  return (
    <>
      <PageTitle>人才服务监管 · {staff.bureau ?? ''}</PageTitle>
      <Tabs
        defaultActiveKey="requests"
        items={[
          { key: 'requests', label: '服务请求', children: <RequestsTab /> },
          { key: 'stats', label: '服务统计', children: <StatsTab /> },
          { key: 'news', label: '信息发布', children: <NewsTab /> },
        ]}
      />
    </>
  )
}

const needsAnswer = (r: StaffTalentRequest): boolean => r.followUp !== null && r.followUp.answer === null

function RequestsTab() {
  const queryClient = useQueryClient()
  const [filters, setFilters] = useState<TalentRequestFilters>({ page: 1, pageSize: 20 })
  const [answering, setAnswering] = useState<StaffTalentRequest | null>(null)
  const list = useQuery({ queryKey: talentKeys.requests(filters), queryFn: () => listTalentRequests(filters), placeholderData: keepPreviousData })

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap size="middle">
        <label htmlFor="talent-bureau-status">状态</label>
        <Select
          id="talent-bureau-status"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(status?: TalentRequestStatus) => setFilters({ ...filters, page: 1, status })}
        />
        <Checkbox checked={filters.overdue ?? false} onChange={(e) => setFilters({ ...filters, page: 1, overdue: e.target.checked })}>
          只看超期（确认超期或投诉超期）
        </Checkbox>
        <Button onClick={() => void queryClient.invalidateQueries({ queryKey: talentKeys.all })}>刷新</Button>
      </Space>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<StaffTalentRequest>
        rowKey="requestId"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && list.data === undefined}
        locale={{ emptyText: list.isPending ? '正在加载…' : '没有符合条件的服务请求' }}
        onRow={(r) =>
          ({
            'data-request': r.requestId,
            'data-status': r.status,
            style: isOverdue(r) ? { background: '#fff1f0' } : needsAnswer(r) ? { background: '#fffbe6' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          talentColumns.filedAt,
          talentColumns.talent,
          talentColumns.service,
          talentColumns.status,
          talentColumns.confirmDue,
          talentColumns.arrangement,
          talentColumns.rating,
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, r: StaffTalentRequest) =>
              needsAnswer(r) ? (
                <Button type="primary" size="small" aria-label={`答复投诉：${r.talent.name} ${r.serviceLabel}`} onClick={() => setAnswering(r)}>
                  答复投诉
                </Button>
              ) : r.followUp?.answer ? (
                <span>已答复{r.followUp.answeredLate ? '（超期）' : ''}</span>
              ) : (
                '—'
              ),
          },
        ]}
        pagination={serverPagination(filters, list.data?.total, '条', (page, pageSize) => setFilters({ ...filters, page, pageSize }))}
      />
      <AnswerDialog
        request={answering}
        onClose={() => setAnswering(null)}
        onDone={() => {
          setAnswering(null)
          void queryClient.invalidateQueries({ queryKey: talentKeys.all })
        }}
      />
    </>
  )
}

function AnswerDialog({ request, onClose, onDone }: { request: StaffTalentRequest | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ answer: string }>()
  const { message } = AntApp.useApp()
  const mutation = useMutation({
    mutationFn: (answer: string) => answerTalentComplaint((request as StaffTalentRequest).requestId, answer),
    onSuccess: () => {
      void message.success('已答复，人才可在小程序中看到答复。')
      form.resetFields()
      onDone()
    },
    onError: (error) => {
      if (isApiError(error) && error.field === 'answer') form.setFields([{ name: 'answer', errors: [error.message] }])
      else void message.error(isApiError(error) ? error.message : '提交失败，请重试。')
    },
  })
  return (
    <Modal
      open={request !== null}
      title={request ? `答复投诉：${request.talent.name} · ${request.serviceLabel}` : '答复投诉'}
      okText="提交答复"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields()
        onClose()
      }}
      forceRender
    >
      {request?.rating ? (
        <div style={{ marginBottom: 16, padding: 12, background: '#fafafa', borderRadius: 6 }}>
          <div>评价：{request.rating.label}</div>
          {request.rating.comment ? <div>评价内容：{request.rating.comment}</div> : null}
          {request.rating.complaint ? <div>投诉内容：{request.rating.complaint}</div> : null}
          {request.followUp ? (
            <div>
              答复期限：{request.followUp.due}
              {request.followUp.overdue ? <strong style={{ color: '#a8071a' }}>（已超期）</strong> : null}
            </div>
          ) : null}
        </div>
      ) : null}
      <Form<{ answer: string }> form={form} name="talent-answer" layout="vertical" onFinish={(values) => mutation.mutate(values.answer.trim())}>
        <Form.Item
          label="答复内容"
          name="answer"
          rules={[
            { required: true, whitespace: true, message: '请填写答复内容' },
            { max: 1000, message: '答复内容最多1000个字' },
          ]}
        >
          <Input.TextArea rows={5} maxLength={1000} showCount placeholder="写明回访情况和处理结果，人才将在小程序中看到" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function StatsTab() {
  const stats = useQuery({ queryKey: talentKeys.stats({}), queryFn: () => getTalentStats() })
  if (stats.isError) return <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
  if (!stats.data) return <p>正在加载…</p>
  const own = stats.data.bureaus[0]
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <p style={{ margin: 0, color: 'rgba(0,0,0,0.68)' }}>
        统计期间：{stats.data.from} 至 {stats.data.to}
      </p>
      {own ? (
        <Row gutter={16}>
          {[
            { title: '服务请求', value: String(own.requests) },
            { title: '已完成', value: String(own.done) },
            { title: '满意率', value: formatRate(own.satisfactionRate) },
            { title: '投诉率', value: formatRate(own.complaintRate) },
            { title: '投诉超期', value: String(own.overdueComplaints) },
            { title: '确认超期', value: String(own.overdueConfirmations) },
          ].map((item) => (
            <Col span={4} key={item.title}>
              <Card size="small">
                <Statistic title={item.title} value={item.value} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <TalentStatsTable bureaus={stats.data.bureaus} caption="本局服务质量" />
      <Table
        rowKey="month"
        size="small"
        pagination={false}
        title={() => <h2 className="section-title">按月统计</h2>}
        dataSource={stats.data.trend}
        locale={{ emptyText: '暂无数据' }}
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '服务请求', dataIndex: 'requests', align: 'right' },
          { title: '已完成', dataIndex: 'done', align: 'right' },
          { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
          { title: '投诉', dataIndex: 'complaints', align: 'right' },
          { title: '投诉率', dataIndex: 'complaintRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
        ]}
      />
    </Space>
  )
}

function NewsTab() {
  const queryClient = useQueryClient()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<{ title: string; body: string }>()
  const news = useQuery({ queryKey: talentKeys.news, queryFn: listStaffNews })
  const publish = useMutation({
    mutationFn: publishNews,
    onSuccess: () => {
      void message.success('已发布，小程序首页将显示这条信息。')
      form.resetFields()
      void queryClient.invalidateQueries({ queryKey: talentKeys.news })
    },
    onError: (error) => {
      if (isApiError(error) && (error.field === 'title' || error.field === 'body')) form.setFields([{ name: error.field, errors: [error.message] }])
      else void message.error(isApiError(error) ? error.message : '发布失败，请重试。')
    },
  })
  return (
    <Row gutter={24}>
      <Col span={10}>
        <Card size="small" title={<h2 className="section-title">发布政策与资讯</h2>}>
          <Form<{ title: string; body: string }>
            form={form}
            name="news-publish"
            layout="vertical"
            onFinish={(values) => publish.mutate({ title: values.title.trim(), body: values.body.trim() })}
          >
            <Form.Item
              label="标题"
              name="title"
              rules={[
                { required: true, whitespace: true, message: '请填写标题' },
                { max: 60, message: '标题最多60个字' },
              ]}
            >
              <Input maxLength={60} showCount />
            </Form.Item>
            <Form.Item
              label="正文"
              name="body"
              rules={[
                { required: true, whitespace: true, message: '请填写正文' },
                { max: 2000, message: '正文最多2000个字' },
              ]}
            >
              <Input.TextArea rows={8} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={publish.isPending}>
              发布
            </Button>
          </Form>
        </Card>
      </Col>
      <Col span={14}>
        {news.isError ? <ErrorAlert error={news.error} onRetry={() => void news.refetch()} /> : null}
        <List
          header={<h2 className="section-title">已发布的信息</h2>}
          bordered
          loading={news.isPending}
          dataSource={news.data?.items ?? []}
          locale={{ emptyText: '还没有发布过信息' }}
          renderItem={(item) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <strong>{item.title}</strong>
                <div style={{ color: 'rgba(0,0,0,0.68)' }}>
                  {item.bureau} · {formatDateTime(item.publishedAt)}
                </div>
                <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{item.body}</div>
              </div>
            </List.Item>
          )}
        />
      </Col>
    </Row>
  )
}
