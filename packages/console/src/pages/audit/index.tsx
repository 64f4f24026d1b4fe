/**
 * 审计日志: read-only. A bureau account sees its own bureau's staff (the HR bureau also scripts
 * and the CLI), an admin sign-ins and account changes (the server decides which rows).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { AuditAction, AuditEntry } from '@zhihui/core'
import { Col, DatePicker, Form, Input, Row, Select, Table, type TableColumnsType, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useSearchParams } from 'react-router-dom'
import { listAudit, type AuditFilters } from '../../api/audit'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { FilterButtons, serverPagination } from '../../components/filter-buttons'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { AUDIT_ACTION_LABELS } from '../../labels'
import { queryKeys } from '../../query-client'
import { actorFilter, auditFiltersFromParams, auditParams } from './filters'

interface FilterValues {
  actor?: string
  action?: AuditAction
  range?: [Dayjs | null, Dayjs | null] | null
}

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
  {
    title: '操作人',
    dataIndex: 'actor',
    width: 200,
    render: (actor: string, row) => (
      <>
        {row.actorName ?? '—'}
        <br />
        <Typography.Text type="secondary">{actor}</Typography.Text>
      </>
    ),
  },
  { title: '操作', dataIndex: 'action', width: 150, render: (action: AuditAction) => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action },
  { title: '对象', dataIndex: 'target', width: 180, render: (target: string | null) => target ?? '—' },
  {
    title: '详情',
    dataIndex: 'detail',
    render: (detail: AuditEntry['detail']) =>
      detail ? (
        // One line a key, breaking long values only where they must (a raw JSON line broke mid-word).
        <div style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
          {Object.entries(detail).map(([key, value]) => (
            <div key={key}>
              <Typography.Text type="secondary">{key}：</Typography.Text>
              {typeof value === 'string' ? value : JSON.stringify(value)}
            </div>
          ))}
        </div>
      ) : (
        '—'
      ),
  },
  { title: '客户端地址', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
]

export default function AuditPage() {
  const [params, setParams] = useSearchParams()
  const filters = auditFiltersFromParams(params)
  const [form] = Form.useForm<FilterValues>()
  const query = useQuery({ queryKey: queryKeys.audit(filters), queryFn: () => listAudit(filters), placeholderData: keepPreviousData })

  const paramText = params.toString()
  useEffect(() => {
    const f = auditFiltersFromParams(new URLSearchParams(paramText))
    form.setFieldsValue({
      actor: f.actor?.startsWith('staff:') ? f.actor.slice('staff:'.length) : f.actor,
      action: f.action,
      range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
    })
  }, [paramText, form])

  // A refused filter (422) is shown on the field it names.
  useEffect(() => {
    const error = query.error
    if (isApiError(error) && error.status === 422 && error.field) {
      const name = error.field === 'from' || error.field === 'to' ? 'range' : error.field === 'actor' || error.field === 'action' ? error.field : undefined
      if (name) form.setFields([{ name, errors: [error.message] }])
    }
  }, [query.error, form])

  const apply = (next: AuditFilters) => setParams(auditParams(next))
  const search = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null]
    const actor = actorFilter(values.actor ?? '')
    apply({
      page: 1,
      pageSize: filters.pageSize,
      ...(actor ? { actor } : {}),
      ...(values.action ? { action: values.action } : {}),
      ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
      ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
    })
  }

  return (
    <>
      <PageTitle>审计日志</PageTitle>
      <Form<FilterValues> form={form} name="audit-filters" layout="vertical" onFinish={search} aria-label="筛选审计记录">
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label="操作人" name="actor" extra="输入工作人员用户名，如 reviewer；脚本操作可输入 cli">
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="操作" name="action">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="全部操作"
                options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="日期" name="range">
              <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6} style={{ display: 'flex', alignItems: 'flex-start', paddingTop: 30 }}>
            <FilterButtons
              onReset={() => {
                form.resetFields()
                apply({ page: 1, pageSize: filters.pageSize })
              }}
            />
          </Col>
        </Row>
      </Form>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        locale={{ emptyText: query.isPending ? '正在加载…' : '没有符合条件的记录' }}
        pagination={serverPagination(filters, query.data?.total, '条', (page, pageSize) => apply({ ...filters, page, pageSize }))}
      />
    </>
  )
}
