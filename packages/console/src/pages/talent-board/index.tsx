/**
 * 人才服务台 (service staff of one bureau): the live board of talent service requests. A new
 * request pops up the moment it is filed (pushed over Server-Sent Events, never polled) with the
 * talent's name, tier and photo, and a short sound that can be turned off. Staff confirm the
 * request, arrange the offline service (when, where, who) and mark it done.
 */
import { CloseOutlined, SoundOutlined } from '@ant-design/icons'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { TALENT_REQUEST_STATUS_LABELS, type StaffTalentRequest, type TalentRequestStatus, type TalentStreamRequestEvent } from '@zhihui/core'
import { App as AntApp, Avatar, Button, Card, Select, Space, Switch, Table, Tag } from 'antd'
import { useEffect, useReducer, useRef, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { currentPage, isApiError, signInPath } from '../../api/client'
import { getSession } from '../../api/session'
import {
  confirmTalentRequest,
  finishTalentRequest,
  listTalentRequests,
  TALENT_STREAM_URL,
  talentKeys,
  type TalentRequestFilters,
} from '../../api/talent'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { talentColumns } from '../../components/talent-request-columns'
import { useStaff } from '../../session'
import { ArrangeDialog } from './arrange-dialog'
import { beep, readSoundOn, shouldBeep, unlockAudio, writeSoundOn } from './sound'
import { connectTalentStream, INITIAL_POPUPS, popupReducer, type StreamConnection } from './stream'
import { serverPagination } from '../../components/filter-buttons'

const CONNECTION_TEXT: Record<StreamConnection, { text: string; color: string }> = {
  connecting: { text: '正在连接实时提醒…', color: '#595959' },
  open: { text: '实时提醒已连接', color: '#135200' },
  retrying: { text: '连接中断，正在重新连接…', color: '#ad4e00' },
  ended: { text: '登录已结束', color: '#a8071a' },
}

const STATUS_OPTIONS = (Object.keys(TALENT_REQUEST_STATUS_LABELS) as TalentRequestStatus[]).map((value) => ({
  value,
  label: TALENT_REQUEST_STATUS_LABELS[value],
}))

export default function TalentBoardPage() {
  const staff = useStaff()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { message, modal } = AntApp.useApp()
  const [filters, setFilters] = useState<TalentRequestFilters>({ page: 1, pageSize: 20 })
  const [popups, dispatch] = useReducer(popupReducer, INITIAL_POPUPS)
  const [connection, setConnection] = useState<StreamConnection>('connecting')
  const [soundOn, setSoundOn] = useState(readSoundOn)
  const [arranging, setArranging] = useState<StaffTalentRequest | null>(null)

  const list = useQuery({
    queryKey: talentKeys.requests(filters),
    queryFn: () => listTalentRequests(filters),
    placeholderData: keepPreviousData,
  })
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['talent', 'requests'] })

  // The stream: opened once for the page's life, closed when it is left.
  const navigateRef = useRef(navigate)
  navigateRef.current = navigate
  useEffect(
    () =>
      connectTalentStream(
        {
          onRequest: (event) => {
            dispatch({ type: 'request', event })
            void queryClient.invalidateQueries({ queryKey: ['talent', 'requests'] })
          },
          onStatus: (event) => {
            dispatch({ type: 'status', event })
            void queryClient.invalidateQueries({ queryKey: ['talent', 'requests'] })
          },
          onResync: () => void queryClient.invalidateQueries({ queryKey: ['talent', 'requests'] }),
          onSessionEnded: () => {
            queryClient.clear()
            void navigateRef.current(signInPath(currentPage(), 'expired'), { replace: true })
          },
          onConnection: setConnection,
        },
        { url: TALENT_STREAM_URL, checkSession: async () => (await getSession({ quiet: true })) !== null },
      ),
    [queryClient],
  )

  // The sound: browsers allow it only after a gesture on the page.
  useEffect(() => {
    const unlock = () => unlockAudio()
    window.addEventListener('pointerdown', unlock, { once: true })
    window.addEventListener('keydown', unlock, { once: true })
    return () => {
      window.removeEventListener('pointerdown', unlock)
      window.removeEventListener('keydown', unlock)
    }
  }, [])
  const heard = useRef(0)
  useEffect(() => {
    if (shouldBeep(soundOn, heard.current, popups.arrivals)) beep()
    heard.current = popups.arrivals
  }, [popups.arrivals, soundOn])

  const onAction = (done: string) => ({
    onSuccess: () => {
      void message.success(done)
      refresh()
    },
    onError: (error: unknown) => {
      void message.error(isApiError(error) ? error.message : '操作失败，请重试。')
      refresh()
    },
  })
  const confirm = useMutation({ mutationFn: (id: string) => confirmTalentRequest(id), ...onAction('已确认需求，已短信告知人才。') })
  const finish = useMutation({ mutationFn: (id: string) => finishTalentRequest(id), ...onAction('已标记服务完成，人才可以评价了。') })

  const confirmFromPopup = (event: TalentStreamRequestEvent) => {
    dispatch({ type: 'dismiss', requestId: event.requestId })
    confirm.mutate(event.requestId)
  }

  const askFinish = (r: StaffTalentRequest) => {
    void modal.confirm({
      title: `确认“${r.talent.name} · ${r.serviceLabel}”已完成服务？`,
      content: '完成后人才将收到评价邀请，不能再修改安排。',
      okText: '确认完成',
      cancelText: '取消',
      onOk: () => finish.mutateAsync(r.requestId).catch(() => undefined),
    })
  }

  const busy = (id: string) => (confirm.isPending && confirm.variables === id) || (finish.isPending && finish.variables === id)
  const actionsColumn = {
    title: '操作',
    key: 'actions',
    width: 130,
    render: (_: unknown, r: StaffTalentRequest) => {
      const who = `${r.talent.name} ${r.serviceLabel}`
      if (r.status === 'open')
        return (
          <Button type="primary" size="small" loading={busy(r.requestId)} aria-label={`确认需求：${who}`} onClick={() => confirm.mutate(r.requestId)}>
            确认需求
          </Button>
        )
      if (r.status === 'confirmed')
        return (
          <Button type="primary" size="small" aria-label={`安排服务：${who}`} onClick={() => setArranging(r)}>
            安排服务
          </Button>
        )
      if (r.status === 'arranged')
        return (
          <Button size="small" loading={busy(r.requestId)} aria-label={`服务完成：${who}`} onClick={() => askFinish(r)}>
            服务完成
          </Button>
        )
      return <span style={{ color: 'rgba(0,0,0,0.68)' }}>无需操作</span>
    },
  }

  const state = CONNECTION_TEXT[connection]
  return (
    <>
      <PageTitle
        extra={
          <Space size="large">
            <span role="status" data-testid="stream-state" data-state={connection} style={{ color: state.color }}>
              ● {state.text}
            </span>
            <label htmlFor="talent-sound" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
              <SoundOutlined aria-hidden />
              提示音
              <Switch
                id="talent-sound"
                checked={soundOn}
                checkedChildren="开"
                unCheckedChildren="关"
                onChange={(on) => {
                  setSoundOn(on)
                  writeSoundOn(on)
                  if (on) unlockAudio()
                }}
              />
            </label>
          </Space>
        }
      >
        人才服务台 · {staff.bureau ?? ''}
      </PageTitle>
      <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.68)' }}>
        人才一键提出服务需求后，这里会立即弹出提醒。请在确认期限内确认需求，再安排线下服务，服务结束后标记完成。
      </p>

      <Popups events={popups.popups} onConfirm={confirmFromPopup} onDismiss={(requestId) => dispatch({ type: 'dismiss', requestId })} confirming={confirm.isPending} />

      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="talent-board-status">状态</label>
        <Select
          id="talent-board-status"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(status?: TalentRequestStatus) => setFilters({ ...filters, page: 1, status })}
        />
        <Button onClick={refresh}>刷新列表</Button>
      </Space>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<StaffTalentRequest>
        rowKey="requestId"
        size="middle"
        columns={[
          talentColumns.filedAt,
          talentColumns.talent,
          talentColumns.service,
          talentColumns.status,
          talentColumns.confirmDue,
          talentColumns.arrangement,
          talentColumns.rating,
          actionsColumn,
        ]}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && list.data === undefined}
        locale={{ emptyText: list.isPending ? '正在加载…' : '暂无服务请求' }}
        onRow={(r) => ({ 'data-request': r.requestId, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        pagination={serverPagination(filters, list.data?.total, '条', (page, pageSize) => setFilters({ ...filters, page, pageSize }))}
      />
      <ArrangeDialog
        request={arranging}
        onClose={() => setArranging(null)}
        onDone={() => {
          setArranging(null)
          refresh()
        }}
      />
    </>
  )
}

function Popups({
  events,
  onConfirm,
  onDismiss,
  confirming,
}: {
  events: TalentStreamRequestEvent[]
  onConfirm: (event: TalentStreamRequestEvent) => void
  onDismiss: (requestId: string) => void
  confirming: boolean
}) {
  return (
    <section
      aria-label="新的服务请求提醒"
      aria-live="assertive"
      style={{ position: 'fixed', bottom: 24, right: 24, zIndex: 1010, width: 380, display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      {events.map((event) => (
        <Card
          key={event.requestId}
          data-testid="talent-popup"
          data-request={event.requestId}
          size="small"
          style={{ boxShadow: '0 6px 24px rgba(0,0,0,0.22)', borderColor: '#0958d9', borderWidth: 2 }}
          title={<span style={{ color: '#ad2102' }}>新的服务请求</span>}
          extra={
            <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`关闭${event.name}的提醒`} onClick={() => onDismiss(event.requestId)} />
          }
        >
          <div style={{ display: 'flex', gap: 16 }}>
            {event.photoUrl ? (
              <img src={event.photoUrl} alt={`${event.name}的照片`} width={84} height={112} style={{ objectFit: 'cover', borderRadius: 6, background: '#f0f0f0' }} />
            ) : (
              <Avatar shape="square" size={84} aria-hidden>
                {event.name.slice(0, 1)}
              </Avatar>
            )}
            <div style={{ minWidth: 0 }}>
              <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.3 }} data-testid="popup-name">
                {event.name}
              </div>
              <Tag style={{ color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff', marginTop: 4 }} data-testid="popup-tier">
                {event.tierLabel}
              </Tag>
              <div style={{ marginTop: 8 }}>
                申请服务：<strong>{event.serviceLabel}</strong>
              </div>
              <div style={{ color: 'rgba(0,0,0,0.68)' }}>{formatDateTime(event.filedAt)} 提交</div>
            </div>
          </div>
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={confirming} onClick={() => onConfirm(event)}>
              确认需求
            </Button>
            <Button onClick={() => onDismiss(event.requestId)}>稍后处理</Button>
          </Space>
        </Card>
      ))}
    </section>
  )
}
