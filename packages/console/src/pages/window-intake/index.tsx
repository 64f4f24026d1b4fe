/**
 * Window intake (窗口受理, design.md "Window intake"), for window clerks: /window-intake starts one
 * (identity checked against the registry), /window-intake/:no continues it: the form drawn from
 * core's FORM_FIELDS, the originals core lists for a window, submit, then the 业务办理回执 to
 * print and the applicant's signature to record.
 */
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd'
import { formBody, isEditableStatus, type DocumentKind, type FieldError, type FormValues, type WindowApplicationView } from '@zhihui/core'
import { useMemo, useRef, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { isApiError } from '../../api/client'
import { getIntake, intakeProblem, receiptUrl, recordSigned, saveIntake, submitIntake } from '../../api/window-intake'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { StatusTag } from '../../components/status-tag'
import { IntakeFormFields } from './FormFields'
import { errorsByField, requiredOriginals, today, valuesFromFiled } from './intake'
import { Originals, type UploadedOriginal } from './Originals'
import { StartIntake } from './StartIntake'
import './window-intake.css'

const intakeKey = (no: string) => ['window-intake', no] as const

export default function WindowIntakePage() {
  const { no } = useParams()
  if (no === undefined || no === '') {
    return (
      <div className='intake-page'>
        <PageTitle>窗口受理</PageTitle>
        <StartIntake />
      </div>
    )
  }
  return <ContinueIntake key={no} no={no} />
}

function ContinueIntake({ no }: { no: string }) {
  const query = useQuery({ queryKey: intakeKey(no), queryFn: () => getIntake(no), staleTime: 0 })
  if (query.isPending) {
    return (
      <div className='intake-page'>
        <PageTitle>窗口受理</PageTitle>
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    )
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Result
          status='404'
          title={<h1 className='page-title'>没有找到窗口申请 {no}</h1>}
          subTitle={query.error.message}
          extra={<Link to='/window-intake'>受理新申请</Link>}
        />
      )
    }
    return (
      <div className='intake-page'>
        <PageTitle>窗口受理</PageTitle>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    )
  }
  const view = query.data
  return (
    <div className='intake-page'>
      <PageTitle extra={<Link to='/window-intake'>受理新申请</Link>}>
        <Space size={12} wrap>
          <span>窗口受理 {no}</span>
          <StatusTag status={view.status} />
        </Space>
      </PageTitle>
      <ApplicantSummary view={view} />
      {isEditableStatus(view.status) ? (
        <IntakeEditor view={view} onSubmitted={() => query.refetch()} />
      ) : (
        <ReceiptPanel view={view} onSigned={() => query.refetch()} />
      )}
    </div>
  )
}

function ApplicantSummary({ view }: { view: WindowApplicationView }) {
  return (
    <Descriptions size='small' bordered column={{ xs: 1, md: 2, xl: 3 }} className='intake-summary'>
      <Descriptions.Item label='申请人'>{view.applicant.name}</Descriptions.Item>
      <Descriptions.Item label='身份证号'>{view.applicant.idNumberMasked}</Descriptions.Item>
      <Descriptions.Item label='社会保障卡'>{view.applicant.cardNumberMasked}</Descriptions.Item>
      <Descriptions.Item label='受理窗口'>{view.window.unit}人才服务窗口（{view.window.address}）</Descriptions.Item>
      <Descriptions.Item label='经办人'>{view.filedByName ?? view.filedBy}</Descriptions.Item>
      <Descriptions.Item label='状态'>{view.statusLabel}</Descriptions.Item>
    </Descriptions>
  )
}

function uploadedFrom(view: WindowApplicationView): Partial<Record<DocumentKind, UploadedOriginal>> {
  const uploaded: Partial<Record<DocumentKind, UploadedOriginal>> = {}
  for (const doc of view.documents) uploaded[doc.kind] = { bytes: doc.bytes }
  return uploaded
}

/** The form and the originals, kept on screen whatever the server answers (nothing entered is lost). */
function IntakeEditor({ view, onSubmitted }: { view: WindowApplicationView; onSubmitted: () => Promise<unknown> }) {
  const { message } = App.useApp()
  const no = view.applicationNo
  const [values, setValues] = useState<FormValues>(() => valuesFromFiled(view.raw))
  const [errors, setErrors] = useState<FieldError[]>(() => view.errors ?? [])
  const [uploaded, setUploaded] = useState(() => uploadedFrom(view))
  const [problem, setProblem] = useState<string | null>(null)
  const { byField, other } = errorsByField(errors)
  const required = useMemo(() => requiredOriginals(values), [values])

  const onChange = (key: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((list) => list.filter((e) => e.field !== key))
  }

  /** PUT the form; false (with the problems shown) when it does not validate. */
  const save = async (): Promise<boolean> => {
    try {
      await saveIntake(no, formBody(values))
      setErrors([])
      return true
    } catch (error) {
      const found = intakeProblem(error)
      setErrors(found.errors ?? [])
      setProblem(found.message)
      return false
    }
  }

  const saving = useMutation({
    mutationFn: save,
    onSuccess: (ok) => {
      if (ok) {
        setProblem(null)
        void message.success('已保存。')
      }
    },
  })

  const submitting = useMutation({
    mutationFn: async () => {
      setProblem(null)
      if (!(await save())) return false
      try {
        await submitIntake(no)
      } catch (error) {
        const found = intakeProblem(error)
        setErrors(found.errors ?? [])
        setProblem(found.message)
        return false
      }
      return true
    },
    onSuccess: async (ok) => {
      if (!ok) return
      void message.success('已提交，请打印业务办理回执交申请人签字。')
      await onSubmitted()
    },
  })

  const busy = saving.isPending || submitting.isPending
  const photoProblems = other.filter((e) => e.field.startsWith('photos') || e.field.startsWith('documents'))

  return (
    <div className='intake-columns'>
      <Card title='申请信息' className='intake-card'>
        {view.status === 'rejected' && view.rejection !== undefined ? (
          <Alert
            type='info'
            showIcon
            style={{ marginBottom: 16 }}
            title='上次审核不通过的原因'
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {view.rejection.reasons.map((r, i) => (
                  <li key={i}>{r.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <IntakeFormFields values={values} errors={byField} today={today()} onChange={onChange} disabled={busy} />
      </Card>
      <Card title='原件拍摄' className='intake-card'>
        <Typography.Paragraph type='secondary'>按申请人携带的原件逐项拍摄（高拍仪即摄像头）或选择照片文件；单张不超过5MB，JPEG或PNG。</Typography.Paragraph>
        <Originals applicationNo={no} required={required} uploaded={uploaded} onUploaded={(kind, photo) => setUploaded((u) => ({ ...u, [kind]: photo }))} disabled={busy} />
        {photoProblems.length > 0 ? (
          <Alert type='error' showIcon style={{ marginTop: 12 }} title={photoProblems.map((p) => p.message).join('')} />
        ) : null}
      </Card>
      <div className='intake-actions'>
        {problem !== null ? <Alert type='error' showIcon role='alert' title={problem} style={{ marginBottom: 12 }} /> : null}
        <Space>
          <Button disabled={busy} loading={saving.isPending} onClick={() => saving.mutate()}>
            保存
          </Button>
          <Button type='primary' disabled={busy} loading={submitting.isPending} onClick={() => submitting.mutate()}>
            提交申请
          </Button>
        </Space>
      </div>
    </div>
  )
}

/** The filed application: the 业务办理回执 to print, and the applicant's signature to record. */
function ReceiptPanel({ view, onSigned }: { view: WindowApplicationView; onSigned: () => Promise<unknown> }) {
  const { message } = App.useApp()
  const frame = useRef<HTMLIFrameElement>(null)
  const [version, setVersion] = useState(0)
  const no = view.applicationNo
  const url = receiptUrl(no)

  const sign = useMutation({
    mutationFn: () => recordSigned(no),
    onSuccess: async () => {
      void message.success('已记录申请人签字，信息采集完毕。')
      setVersion((v) => v + 1)
      await onSigned()
    },
  })

  const print = () => {
    const target = frame.current?.contentWindow
    if (target) {
      target.focus()
      target.print()
    } else window.open(url, '_blank', 'noopener')
  }

  return (
    <Card
      title='业务办理回执'
      className='intake-card'
      extra={
        <Space>
          <Button onClick={print}>打印</Button>
          <a href={url} target='_blank' rel='noopener noreferrer'>
            在新标签页打开
          </a>
        </Space>
      }
    >
      {view.receipt !== null ? (
        <Alert type='success' showIcon style={{ marginBottom: 12 }} title={`申请人已于 ${formatDateTime(view.receipt.signedAt)} 签字确认，信息采集完毕。`} />
      ) : (
        <Alert type='info' showIcon style={{ marginBottom: 12 }} title='请打印回执，交申请人核对签字后，点击“申请人已签字”。' />
      )}
      <iframe ref={frame} key={version} title='业务办理回执' src={url} className='intake-receipt' />
      <div className='intake-actions'>
        {sign.isError ? <Alert type='error' showIcon title={intakeProblem(sign.error).message} style={{ marginBottom: 12 }} /> : null}
        <Button type='primary' disabled={view.receipt !== null} loading={sign.isPending} onClick={() => sign.mutate()}>
          {view.receipt !== null ? '申请人已签字（已记录）' : '申请人已签字'}
        </Button>
      </div>
    </Card>
  )
}
