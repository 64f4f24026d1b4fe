import { Text, View } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { PhotoSlot } from '@/components/PhotoSlot'
import { StepIndicator } from '@/components/StepIndicator'
import { useEditScope } from '@/hooks/use-edit-scope'
import { usePhotoUploads } from '@/hooks/use-photo-uploads'
import { useSubmit } from '@/hooks/use-submit'
import { useSubmitReadiness } from '@/hooks/use-submit-readiness'
import { go, ROUTES } from '@/utils/routes'

export default function PhotosPage() {
  const uploads = usePhotoUploads()
  const readiness = useSubmitReadiness(uploads.busy)
  const scope = useEditScope()
  const { submit, submitting, error } = useSubmit()

  return (
    <PageShell privacy>
      <StepIndicator current={3} />
      <Notice title='拍摄要求'>
        <Text className='block'>请拍摄证件原件，四角完整、文字清晰、无反光。户口本只需拍本人页。</Text>
        <Text className='block'>照片会先在手机上压缩（长边不超过1600像素），并去除拍摄位置等附加信息后再上传。</Text>
      </Notice>
      {uploads.notice ? <Notice tone='warning' title={uploads.notice} /> : null}

      {readiness.required.map((doc) => (
        <PhotoSlot
          key={doc.kind}
          kind={doc.kind}
          label={doc.label}
          state={uploads.slotState(doc.kind)}
          locked={scope.mode === 'locked' || (scope.mode === 'fix' && !scope.canRetake(doc.kind))}
          rejectedReason={scope.documentReason(doc.kind)}
          onChoose={() => void uploads.choose(doc.kind)}
          onRetry={() => void uploads.retry(doc.kind)}
        />
      ))}

      {scope.mode === 'locked' ? (
        <AppButton variant='secondary' onClick={() => go(ROUTES.progress)}>
          查看办理进度
        </AppButton>
      ) : (
        <View className='photos__submit'>
          {readiness.blockers.length > 0 ? (
            <Notice tone='warning' title='暂时不能提交'>
              {readiness.blockers.map((b) => (
                <Text key={b} className='block'>
                  • {b}
                </Text>
              ))}
            </Notice>
          ) : null}
          {error ? <Notice tone='error' title={error} /> : null}
          <AppButton id='submit-application' onClick={() => void submit()} disabled={!readiness.ready} loading={submitting}>
            {submitting ? '正在提交…' : scope.mode === 'fix' ? '重新提交申请' : '提交申请'}
          </AppButton>
          <Text className='muted'>提交后进入审核，审核期间信息不能修改。</Text>
        </View>
      )}
    </PageShell>
  )
}
