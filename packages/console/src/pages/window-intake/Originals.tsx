/**
 * The originals core asks of this applicant at a window (requiredDocuments(facts, 'window',
 * details)): each photographed with the camera or uploaded from a file, with a preview and a
 * retake. A 学信网 code of the right form stands in for the student-record report.
 */
import { Alert, Button, Modal, Space, Tag, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { DocumentKind, DocumentRequirement } from '@zhihui/core'
import { intakeProblem, uploadOriginal } from '../../api/window-intake'
import { captureFrame, openCamera, stopCamera } from './camera'

export interface UploadedOriginal {
  bytes: number
  /** A local preview of what was just uploaded (object URL); absent for photos uploaded earlier. */
  preview?: string
}

interface Props {
  applicationNo: string
  required: DocumentRequirement[]
  uploaded: Partial<Record<DocumentKind, UploadedOriginal>>
  onUploaded: (kind: DocumentKind, photo: UploadedOriginal) => void
  disabled?: boolean
}

const ACCEPT = 'image/jpeg,image/png'

export function Originals({ applicationNo, required, uploaded, onUploaded, disabled }: Props) {
  const [camera, setCamera] = useState<DocumentRequirement | null>(null)
  const [busy, setBusy] = useState<DocumentKind | null>(null)
  const [errors, setErrors] = useState<Partial<Record<DocumentKind, string>>>({})

  async function send(kind: DocumentKind, blob: Blob, name: string): Promise<boolean> {
    setBusy(kind)
    setErrors((e) => ({ ...e, [kind]: undefined }))
    try {
      const photo = await uploadOriginal(applicationNo, kind, blob, name)
      onUploaded(kind, { bytes: photo.bytes, preview: URL.createObjectURL(blob) })
      return true
    } catch (error) {
      setErrors((e) => ({ ...e, [kind]: intakeProblem(error).message }))
      return false
    } finally {
      setBusy(null)
    }
  }

  if (required.length === 0) {
    return <Typography.Text type='secondary'>填写学历和就业情况后，这里列出需要拍摄的原件。</Typography.Text>
  }

  return (
    <>
      <ul className='intake-originals'>
        {required.map((doc) => {
          const have = uploaded[doc.kind]
          const replaced = doc.replacedBy === 'chsi-verification-code'
          return (
            <li key={doc.kind} className='intake-original' data-kind={doc.kind}>
              <div className='intake-original-head'>
                <strong>{doc.label}</strong>
                {have !== undefined ? (
                  <Tag color='success'>已拍摄</Tag>
                ) : replaced ? (
                  <Tag color='processing'>已由学信网在线验证码代替</Tag>
                ) : (
                  <Tag>待拍摄</Tag>
                )}
              </div>
              {have?.preview !== undefined ? (
                <img className='intake-original-preview' src={have.preview} alt={`${doc.label}的照片`} />
              ) : have !== undefined ? (
                <Typography.Text type='secondary'>已上传（{Math.ceil(have.bytes / 1024)} KB）</Typography.Text>
              ) : null}
              {doc.kind === 'student-record-report' && !replaced && have === undefined ? (
                <Typography.Text type='secondary' className='intake-hint'>
                  也可在上方“学信网在线验证码”中填写报告上的16位验证码代替拍摄。
                </Typography.Text>
              ) : null}
              <Space wrap>
                <Button disabled={disabled || busy !== null} onClick={() => setCamera(doc)}>
                  {have !== undefined ? '重拍' : '拍照'}
                </Button>
                <FilePick
                  kind={doc.kind}
                  label={doc.label}
                  disabled={disabled === true || busy !== null}
                  text={busy === doc.kind ? '上传中…' : have !== undefined ? '重新选择文件' : '选择文件'}
                  onPick={(file) => void send(doc.kind, file, file.name)}
                />
              </Space>
              {errors[doc.kind] !== undefined ? <Alert type='error' showIcon title={errors[doc.kind]} style={{ marginTop: 8 }} /> : null}
            </li>
          )
        })}
      </ul>
      {camera !== null ? (
        <CameraDialog
          label={camera.label}
          onCancel={() => setCamera(null)}
          onUse={async (blob) => {
            if (await send(camera.kind, blob, `${camera.kind}.jpg`)) setCamera(null)
          }}
          uploading={busy !== null}
        />
      ) : null}
    </>
  )
}

/** A button that opens the file chooser (the input is what tests and assistive tools set). */
function FilePick({ kind, label, disabled, text, onPick }: { kind: DocumentKind; label: string; disabled: boolean; text: string; onPick: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        {text}
      </Button>
      <input
        ref={input}
        type='file'
        accept={ACCEPT}
        hidden
        disabled={disabled}
        data-testid={`original-file-${kind}`}
        aria-label={`选择${label}的照片文件`}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file !== undefined) onPick(file)
        }}
      />
    </>
  )
}

/** The live camera, a still once taken (retake, or use it). */
function CameraDialog({ label, onCancel, onUse, uploading }: { label: string; onCancel: () => void; onUse: (blob: Blob) => Promise<void>; uploading: boolean }) {
  const video = useRef<HTMLVideoElement>(null)
  const stream = useRef<MediaStream | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [still, setStill] = useState<{ blob: Blob; url: string } | null>(null)

  useEffect(() => {
    let cancelled = false
    openCamera().then(
      (opened) => {
        if (cancelled) return stopCamera(opened)
        stream.current = opened
        if (video.current !== null) {
          video.current.srcObject = opened
          void video.current.play().catch(() => undefined)
        }
      },
      (cause: unknown) => !cancelled && setError(cause instanceof Error ? cause.message : '无法打开摄像头。'),
    )
    return () => {
      cancelled = true
      stopCamera(stream.current)
      stream.current = null
    }
  }, [])

  useEffect(() => () => (still !== null ? URL.revokeObjectURL(still.url) : undefined), [still])

  const take = async () => {
    if (video.current === null) return
    try {
      const blob = await captureFrame(video.current)
      setStill({ blob, url: URL.createObjectURL(blob) })
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : '拍摄失败，请重拍。')
    }
  }

  return (
    <Modal
      open
      title={`拍摄：${label}`}
      width={760}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        still === null ? (
          <Space>
            <Button onClick={onCancel}>取消</Button>
            <Button type='primary' disabled={error !== null} onClick={() => void take()}>
              拍摄
            </Button>
          </Space>
        ) : (
          <Space>
            <Button disabled={uploading} onClick={() => setStill(null)}>
              重拍
            </Button>
            <Button type='primary' loading={uploading} onClick={() => void onUse(still.blob)}>
              使用这张照片
            </Button>
          </Space>
        )
      }
    >
      {error !== null ? <Alert type='error' showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <video ref={video} className='intake-camera' muted playsInline hidden={still !== null} aria-label='摄像头画面' />
      {still !== null ? <img className='intake-camera' src={still.url} alt={`${label}的照片（预览）`} /> : null}
      <Typography.Text type='secondary'>将原件平放在高拍仪或摄像头下，四角完整、文字清晰后拍摄。</Typography.Text>
    </Modal>
  )
}
