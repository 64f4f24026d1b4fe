import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { cx } from '@/utils/class-names'
import { formatBytes } from '@/utils/format'
import { AppButton } from '../AppButton'
import { ProgressBar } from '../ProgressBar'
import './index.scss'

export type PhotoSlotStatus = 'empty' | 'compressing' | 'uploading' | 'uploaded' | 'failed'

export interface PhotoSlotState {
  status: PhotoSlotStatus
  progress?: number
  previewPath?: string
  bytes?: number
  error?: string
}

interface Props {
  kind: string
  label: string
  state: PhotoSlotState
  onChoose: () => void
  onRetry: () => void
  /** In a resubmission only rejected documents may be retaken. */
  locked?: boolean
  /** Why the reviewer rejected this document. */
  rejectedReason?: string
}

const STATUS_WORDS: Record<PhotoSlotStatus, string> = {
  empty: '未上传',
  compressing: '正在压缩',
  uploading: '正在上传',
  uploaded: '已上传',
  failed: '上传失败',
}

export function PhotoSlot({ kind, label, state, onChoose, onRetry, locked, rejectedReason }: Props) {
  const [previewBroken, setPreviewBroken] = useState(false)
  const busy = state.status === 'compressing' || state.status === 'uploading'
  const showPreview = Boolean(state.previewPath) && !previewBroken
  return (
    <View
      className={cx('photo', `photo--${state.status}`, rejectedReason && 'photo--rejected')}
      data-kind={kind}
      data-status={state.status}
      data-testid={`photo-${kind}`}
    >
      <View className='photo__head'>
        <Text className='photo__label'>{label}</Text>
        <Text className='photo__status'>
          {state.status === 'uploaded' ? '✓ ' : state.status === 'failed' ? '✗ ' : ''}
          {STATUS_WORDS[state.status]}
          {state.status === 'uploaded' && state.bytes ? `（${formatBytes(state.bytes)}）` : ''}
        </Text>
      </View>
      {rejectedReason ? <Text className='photo__rejected'>审核意见：{rejectedReason}</Text> : null}
      <View className='photo__frame'>
        {showPreview ? (
          <Image
            className='photo__preview'
            src={state.previewPath ?? ''}
            mode='aspectFit'
            onError={() => setPreviewBroken(true)}
          />
        ) : (
          <Text className='photo__placeholder'>
            {state.status === 'uploaded' ? '照片已保存在服务器（本机预览已失效）' : `请拍摄或选择${label}的照片`}
          </Text>
        )}
      </View>
      {state.status === 'uploading' ? <ProgressBar percent={state.progress ?? 0} /> : null}
      {state.status === 'compressing' ? <Text className='muted'>正在压缩照片…</Text> : null}
      {state.status === 'failed' ? (
        <View className='photo__error' role='alert'>
          <Text>✗ {state.error ?? '上传失败'}</Text>
        </View>
      ) : null}
      {locked ? (
        <Text className='muted'>此证件已通过审核，无需重新上传。</Text>
      ) : (
        <View className='photo__actions'>
          {state.status === 'failed' && state.previewPath ? (
            <AppButton onClick={onRetry} id={`retry-${kind}`}>
              重新上传
            </AppButton>
          ) : null}
          <AppButton
            variant={state.status === 'empty' ? 'primary' : 'secondary'}
            onClick={onChoose}
            disabled={busy}
            id={`choose-${kind}`}
          >
            {state.status === 'empty' ? '拍照或从相册选择' : '重新拍摄'}
          </AppButton>
        </View>
      )}
    </View>
  )
}
