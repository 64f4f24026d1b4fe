/**
 * Columns the talent-request tables share (service staff, bureau, leader). Overdue is said in
 * words on a tag, never by colour alone.
 */
import type { StaffTalentRequest } from '@zhihui/core'
import { Space, Tag, type TableColumnsType } from 'antd'
import { formatDateTime } from './format'

const STATUS_STYLE: Record<string, { color: string; background: string; border: string }> = {
  open: { color: '#ad2102', background: '#fff2e8', border: '#ffbb96' },
  confirmed: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
  arranged: { color: '#391085', background: '#f9f0ff', border: '#d3adf7' },
  done: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  rated: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  cancelled: { color: '#434343', background: '#fafafa', border: '#d9d9d9' },
}

export function TalentStatusTag({ request }: { request: Pick<StaffTalentRequest, 'status' | 'statusLabel'> }) {
  const style = STATUS_STYLE[request.status] ?? STATUS_STYLE.cancelled
  return <Tag style={{ color: style?.color, background: style?.background, borderColor: style?.border }}>{request.statusLabel}</Tag>
}

export function OverdueTag({ children }: { children: string }) {
  return <Tag style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e', fontWeight: 600 }}>{children}</Tag>
}

/** Whether a row needs the bureau's eye: an overdue confirmation or an overdue complaint. */
export const isOverdue = (request: StaffTalentRequest): boolean => request.confirmOverdue || Boolean(request.followUp?.overdue)

export const talentColumns = {
  filedAt: { title: '提交时间', dataIndex: 'filedAt', width: 150, render: (value: string) => formatDateTime(value) },
  talent: {
    title: '人才',
    key: 'talent',
    width: 120,
    render: (_: unknown, r: StaffTalentRequest) => (
      <span>
        <strong>{r.talent.name}</strong>
        <br />
        <span style={{ color: 'rgba(0,0,0,0.68)' }}>{r.talent.tierLabel}</span>
      </span>
    ),
  },
  service: {
    title: '服务',
    key: 'service',
    width: 130,
    render: (_: unknown, r: StaffTalentRequest) => (
      <span>
        {r.serviceLabel}
        {r.note ? (
          <>
            <br />
            <span style={{ color: 'rgba(0,0,0,0.68)' }}>备注：{r.note}</span>
          </>
        ) : null}
      </span>
    ),
  },
  bureau: { title: '服务单位', dataIndex: 'bureau', width: 110 },
  status: {
    title: '状态',
    key: 'status',
    width: 150,
    render: (_: unknown, r: StaffTalentRequest) => (
      <Space size={4} wrap>
        <TalentStatusTag request={r} />
        {r.confirmOverdue ? <OverdueTag>确认超期</OverdueTag> : null}
        {r.followUp?.overdue ? <OverdueTag>投诉超期</OverdueTag> : null}
      </Space>
    ),
  },
  confirmDue: {
    title: '确认期限',
    key: 'confirmDue',
    width: 120,
    render: (_: unknown, r: StaffTalentRequest) => (r.confirmedAt ? `已于 ${formatDateTime(r.confirmedAt).slice(5)} 确认` : r.confirmDue),
  },
  arrangement: {
    title: '线下服务安排',
    key: 'arrangement',
    render: (_: unknown, r: StaffTalentRequest) =>
      r.arrangement ? (
        <span>
          {r.arrangement.when} · {r.arrangement.where}
          <br />
          {r.arrangement.who}
          {r.arrangement.phone ? `（${r.arrangement.phone}）` : ''}
        </span>
      ) : (
        '—'
      ),
  },
  rating: {
    title: '评价与投诉',
    key: 'rating',
    render: (_: unknown, r: StaffTalentRequest) =>
      r.rating ? (
        <span>
          {r.rating.label}
          {r.rating.comment ? `：${r.rating.comment}` : ''}
          {r.rating.complaint ? (
            <>
              <br />
              <strong>投诉：</strong>
              {r.rating.complaint}
            </>
          ) : null}
          {r.followUp ? (
            <>
              <br />
              {r.followUp.answer ? `已答复（${formatDateTime(r.followUp.answeredAt)}）` : `应于 ${r.followUp.due} 前答复`}
            </>
          ) : null}
        </span>
      ) : (
        '—'
      ),
  },
} satisfies Record<string, TableColumnsType<StaffTalentRequest>[number]>
