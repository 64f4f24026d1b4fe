/**
 * The review workspace (/applications/:no): what an HR-bureau reviewer works in all day. Left:
 * the registry's answer, the form, the eligibility report, the history. Right: the photos and the
 * checklist of required documents. Foot: the decision bar (only the actions the server offers).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Result, Skeleton, Space } from 'antd'
import { useCallback, useMemo, useReducer, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { DOCUMENT_LABELS, type DocumentKind, type RejectionReason, type StaffApplicationDetail } from '@zhihui/core'
import { decideApplication, getApplication, objectToApplication } from '../../api/applications'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { PageTitle } from '../../components/page-title'
import { StatusTag } from '../../components/status-tag'
import { CHANNEL_LABELS } from '../../labels'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { ApplicantCard } from './ApplicantCard'
import { EligibilityCard, FormCard, HistoryCard } from './ApplicationInfo'
import { PaymentLedgerCard } from './PaymentLedgerCard'
import { checklistItems, emptyChecklist, markViewed, setManual, type ChecklistState, type PhotoRef } from './checklist'
import { DecisionBar, isConcurrentUpdate, ObjectionModal } from './DecisionBar'
import { checklistRows, DocumentChecklist } from './DocumentChecklist'
import { formatTime, reasonTargets } from './format'
import { PhotoViewer } from './PhotoViewer'
import { addTarget, previewLines, type RejectionDraft } from './reasons'
import { RejectionModal } from './RejectionForm'
import { initialViewer, viewerReducer, type ViewerAction, type ViewerState } from './viewer'
import './review.css'

export default function ReviewWorkspacePage() {
  const { no = '' } = useParams()
  const query = useQuery({ queryKey: queryKeys.application(no), queryFn: () => getApplication(no), enabled: no !== '' })

  if (query.isPending) {
    return (
      <>
        <PageTitle>申请详情</PageTitle>
        <Skeleton active paragraph={{ rows: 12 }} />
      </>
    )
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Result
          status='404'
          title={<h1 className='page-title'>没有找到申请 {no}</h1>}
          subTitle={query.error.message}
          extra={<Link to='/applications'>返回审核队列</Link>}
        />
      )
    }
    return (
      <>
        <PageTitle>申请详情</PageTitle>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    )
  }
  return <Workspace key={no} detail={query.data} reload={() => query.refetch()} reloading={query.isFetching} />
}

/** The photos in the order of the required documents, then any others. */
function orderedPhotos(detail: StaffApplicationDetail): PhotoRef[] {
  const order = detail.requiredDocuments.map((d) => d.kind)
  const rank = (kind: DocumentKind) => (order.includes(kind) ? order.indexOf(kind) : order.length)
  return [...detail.documents]
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d.kind) - rank(b.d.kind) || a.i - b.i)
    .map(({ d }) => ({ kind: d.kind, photoId: d.photoId, label: d.label || DOCUMENT_LABELS[d.kind] || d.kind }))
}

function Workspace({ detail, reload, reloading }: { detail: StaffApplicationDetail; reload: () => Promise<unknown>; reloading: boolean }) {
  const staff = useStaff()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const no = detail.applicationNo

  const photos = useMemo(() => orderedPhotos(detail), [detail])
  const [viewer, dispatchViewer] = useReducer(
    (state: ViewerState, action: ViewerAction) => viewerReducer(state, action, photos.length),
    undefined,
    () => initialViewer(),
  )
  const [checklist, setChecklist] = useState<ChecklistState>(emptyChecklist)
  const items = checklistItems(detail.requiredDocuments, photos, checklist)
  const unchecked = items.filter((i) => !i.checked).map((i) => i.label)

  const [draft, setDraft] = useState<RejectionDraft>({})
  const [rejectOpen, setRejectOpen] = useState(false)
  const [objectOpen, setObjectOpen] = useState(false)

  const afterChange = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.applications }),
      queryClient.invalidateQueries({ queryKey: queryKeys.overview }),
      queryClient.invalidateQueries({ queryKey: queryKeys.notices }),
    ])
  }, [queryClient])

  const decide = useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; reasons?: RejectionReason[] }) => decideApplication(no, { ...body, version: detail.version }),
    onSuccess: async (answer, body) => {
      setRejectOpen(false)
      if (body.decision === 'reject') setDraft({})
      void message.success(body.decision === 'approve' ? `已审核通过，申请进入${answer.status === 'public-notice' ? '公示' : '下一步'}。` : '已审核不通过，原因已通知申请人。')
      await afterChange()
    },
    onError: (error) => {
      if (isConcurrentUpdate(error)) setRejectOpen(false)
    },
  })

  const object = useMutation({
    mutationFn: (note: string) => objectToApplication(no, note),
    onSuccess: async () => {
      setObjectOpen(false)
      void message.success('已记录异议，申请退回审核。')
      await afterChange()
    },
    onError: (error) => {
      if (isConcurrentUpdate(error)) setObjectOpen(false)
    },
  })

  const onReload = async () => {
    decide.reset()
    object.reset()
    await reload()
  }

  const showKind = (kind: DocumentKind) => {
    const index = photos.findIndex((p) => p.kind === kind)
    if (index >= 0) dispatchViewer({ type: 'go', index })
  }

  /** "有问题" beside a document: the rejection form opens with that document added. */
  const flagDocument = (kind: DocumentKind) => {
    setDraft((d) => addTarget(d, kind))
    decide.reset()
    setRejectOpen(true)
  }

  const barError = (decide.isError && (isConcurrentUpdate(decide.error) || decide.variables?.decision === 'approve') ? decide.error : null) ??
    (object.isError && isConcurrentUpdate(object.error) ? object.error : null)
  const dialogError = (m: typeof decide | typeof object) => (m.isError && !isConcurrentUpdate(m.error) && isApiError(m.error) ? m.error.message : m.isError && !isConcurrentUpdate(m.error) ? '提交失败，请稍后重试。' : null)
  const canReveal = staff.roles.includes('reviewer') || staff.roles.includes('payments')
  const previous = detail.rejection?.reasons ?? []

  return (
    <div className='review-page'>
      <PageTitle extra={<Link to='/applications'>返回审核队列</Link>}>
        <Space size={12} wrap>
          <span>申请 {no}</span>
          <StatusTag status={detail.status} />
        </Space>
      </PageTitle>
      <div className='review-summary'>
        <span>
          申请人：<strong>{detail.applicant?.name ?? '—'}</strong>
        </span>
        <span>渠道：{CHANNEL_LABELS[detail.channel] ?? detail.channel}</span>
        <span>提交时间：{formatTime(detail.submittedAt)}</span>
        {detail.notice ? (
          <span>
            公示期：{detail.notice.start} 至 {detail.notice.end}
          </span>
        ) : null}
      </div>

      {previous.length > 0 && detail.status !== 'public-notice' ? (
        <Alert
          type='info'
          showIcon
          style={{ marginBottom: 16 }}
          title='上次审核不通过的原因'
          description={
            <ul className='review-plain-list'>
              {previewLines(previous).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          }
        />
      ) : null}

      <div className='review-columns'>
        <div className='review-left'>
          <ApplicantCard detail={detail} canReveal={canReveal} />
          <FormCard detail={detail} />
          <EligibilityCard report={detail.eligibility} />
          <HistoryCard detail={detail} />
          <PaymentLedgerCard applicationNo={no} status={detail.status} />
        </div>
        <div className='review-right'>
          <section className='review-photos' aria-labelledby='review-photos-title'>
            <h2 id='review-photos-title' className='review-card-title review-photos-title'>
              证件照片
            </h2>
            <PhotoViewer
              applicationNo={no}
              photos={photos}
              state={viewer}
              dispatch={dispatchViewer}
              onViewed={(photoId) => setChecklist((s) => markViewed(s, photoId))}
              keyboard={!rejectOpen && !objectOpen}
              checklistRows={checklistRows(items.length)}
            />
            <DocumentChecklist
              items={items}
              current={photos[viewer.index]?.kind}
              onToggle={(kind, checked) => setChecklist((s) => setManual(s, kind, checked))}
              onShow={showKind}
              {...(detail.actions.includes('reject') ? { onFlag: flagDocument } : {})}
            />
          </section>
        </div>
      </div>

      <DecisionBar
        detail={detail}
        unchecked={unchecked}
        approving={decide.isPending && decide.variables?.decision === 'approve'}
        onApprove={() => decide.mutate({ decision: 'approve' })}
        onReject={() => {
          decide.reset()
          setRejectOpen(true)
        }}
        onObject={() => {
          object.reset()
          setObjectOpen(true)
        }}
        error={barError}
        onReload={() => void onReload()}
        reloading={reloading}
      />

      <RejectionModal
        open={rejectOpen}
        targets={reasonTargets(detail)}
        draft={draft}
        onDraft={setDraft}
        onCancel={() => setRejectOpen(false)}
        onSubmit={(reasons) => decide.mutate({ decision: 'reject', reasons })}
        pending={decide.isPending}
        error={decide.variables?.decision === 'reject' ? dialogError(decide) : null}
      />
      <ObjectionModal
        open={objectOpen}
        onCancel={() => setObjectOpen(false)}
        onSubmit={(note) => object.mutate(note)}
        pending={object.isPending}
        error={dialogError(object)}
      />
      {/* keeps the decision bar from covering the last card */}
      <div aria-hidden='true' style={{ height: 8 }} />
      {reloading ? <span className='visually-hidden' aria-live='polite'>正在重新加载</span> : null}
    </div>
  )
}
