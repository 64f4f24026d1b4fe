/**
 * 申请审核 (the queue): filters by status, district, education, channel and submission dates,
 * search by application number or name, paged by the server. Rows open the review workspace.
 * A window clerk sees its own district only (the server limits it; the filter shows it).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { DISTRICTS, EDUCATION_LABELS, STATUS_LABELS, type ApplicationStatus, type Channel, type District, type Education, type StaffQueueItem } from '@zhihui/core'
import { Col, DatePicker, Form, Input, Row, Select, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useSearchParams } from 'react-router-dom'
import { listApplications, type QueueFilters } from '../../api/applications'
import { applicationColumns } from '../../components/application-columns'
import { ErrorAlert } from '../../components/error-alert'
import { FilterButtons, serverPagination } from '../../components/filter-buttons'
import { PageTitle } from '../../components/page-title'
import { CHANNEL_LABELS } from '../../labels'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { filtersFromParams, paramsFromFilters } from './filters'

interface FilterValues {
  status?: ApplicationStatus
  district?: District
  education?: Education
  channel?: Channel
  submitted?: [Dayjs | null, Dayjs | null] | null
  q?: string
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

export default function QueuePage() {
  const staff = useStaff()
  const [params, setParams] = useSearchParams()
  const filters = filtersFromParams(params)
  const clerkDistrict = staff.roles.includes('window-clerk') && staff.roles.length === 1 ? staff.district : undefined
  const [form] = Form.useForm<FilterValues>()

  const query = useQuery({
    queryKey: queryKeys.queue(filters),
    queryFn: () => listApplications(filters),
    placeholderData: keepPreviousData,
  })

  // The address is the truth: back/forward and links refill the form.
  const paramText = params.toString()
  useEffect(() => {
    const f = filtersFromParams(new URLSearchParams(paramText))
    form.setFieldsValue({
      status: f.status,
      district: f.district ?? clerkDistrict,
      education: f.education,
      channel: f.channel,
      submitted: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
      q: f.q,
    })
  }, [paramText, form, clerkDistrict])

  const apply = (next: QueueFilters) => setParams(paramsFromFilters(next))

  const search = (values: FilterValues) => {
    const [from, to] = values.submitted ?? [null, null]
    apply({
      page: 1,
      pageSize: filters.pageSize,
      ...(values.status ? { status: values.status } : {}),
      ...(values.district && values.district !== clerkDistrict ? { district: values.district } : {}),
      ...(values.education ? { education: values.education } : {}),
      ...(values.channel ? { channel: values.channel } : {}),
      ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
      ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
      ...(values.q?.trim() ? { q: values.q.trim() } : {}),
    })
  }

  return (
    <>
      <PageTitle>申请审核</PageTitle>
      <Form<FilterValues> form={form} name="queue-filters" layout="vertical" onFinish={search} aria-label="筛选申请">
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label="申请编号或姓名" name="q">
              <Input allowClear placeholder="编号精确匹配，姓名按开头匹配" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="状态" name="status">
              <Select allowClear placeholder="全部状态" options={options(STATUS_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="户籍区县" name="district" extra={clerkDistrict ? '窗口经办只能查看本区县的申请' : undefined}>
              <Select
                allowClear={!clerkDistrict}
                disabled={Boolean(clerkDistrict)}
                placeholder="全部区县"
                options={DISTRICTS.map((d) => ({ value: d, label: d }))}
                showSearch
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="学历" name="education">
              <Select allowClear placeholder="全部学历" options={options(EDUCATION_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="渠道" name="channel">
              <Select allowClear placeholder="全部渠道" options={options(CHANNEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="提交日期" name="submitted">
              <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={17} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Form.Item>
              <FilterButtons
              onReset={() => {
                form.resetFields()
                apply({ page: 1, pageSize: filters.pageSize })
              }}
            />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<StaffQueueItem>
        rowKey="applicationNo"
        columns={applicationColumns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        locale={{ emptyText: query.isPending ? '正在加载…' : '没有符合条件的申请' }}
        pagination={serverPagination(filters, query.data?.total, '件', (page, pageSize) => apply({ ...filters, page, pageSize }))}
      />
    </>
  )
}
