import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { STATUS_LABELS } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { InfoRow } from '@/components/InfoRow'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { PaymentLedger } from '@/components/PaymentLedger'
import { Section } from '@/components/Section'
import { AsyncStatePage } from '@/components/StateView/AsyncStatePage'
import { StatusTimeline } from '@/components/StatusTimeline'
import { useApplyEntry } from '@/hooks/use-apply-entry'
import { useConfirmedAction } from '@/hooks/use-confirmed-action'
import { useProgress } from '@/hooks/use-progress'
import { withdrawApplication } from '@/services/application'
import { useDraftStore } from '@/stores/draft'
import { rejectedFormKeys, targetLabel } from '@/utils/rejection'
import { go, ROUTES } from '@/utils/routes'

export default function ProgressPage() {
  const { state, reload } = useProgress()
  const entry = useApplyEntry()

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const withdraw = useConfirmedAction({
    confirm: {
      title: '撤回申请',
      content: '撤回后本次申请不再审核，如需补贴需重新申请。确定撤回吗？',
      confirmText: '确定撤回',
      cancelText: '不撤回',
    },
    run: withdrawApplication,
    then: reload,
    failure: '撤回失败，请稍后重试。',
  })

  if (state.kind !== 'ready') {
    return (
      <AsyncStatePage
        state={state}
        reload={reload}
        loadingTitle='正在查询办理进度…'
        empty={{ title: '您还没有提交申请', description: '符合条件的青年人才可在线申请生活补贴，常年受理。', action: { label: '去申请', onClick: entry.open } }}
      />
    )
  }

  const view = state.data
  const reasons = view.rejection?.reasons ?? []
  const hasFieldReasons = rejectedFormKeys(reasons).size > 0

  return (
    <PageShell>
      <Section title='申请信息'>
        <InfoRow label='申请编号' value={view.applicationNo ?? '提交后生成'} />
        <InfoRow label='当前状态' value={STATUS_LABELS[view.status]} />
        {view.window ? (
          <>
            <InfoRow label='受理窗口' value={`${view.window.unit}人才服务窗口`} />
            <InfoRow label='窗口地址' value={view.window.address} />
            <InfoRow label='窗口电话' value={view.window.phone} />
          </>
        ) : null}
      </Section>

      {view.status === 'draft' ? (
        <Notice tone='warning' title='申请尚未提交'>
          <Text>信息已保存，上传证件照片并提交后才会进入审核。</Text>
        </Notice>
      ) : (
        <Section title='办理进度'>
          <StatusTimeline view={view} />
        </Section>
      )}

      {view.status === 'rejected' ? (
        <Section title='未通过原因'>
          {reasons.length === 0 ? <Text className='block'>审核未通过，请联系人才服务窗口了解原因。</Text> : null}
          {reasons.map((r) => (
            <Text key={`${r.target}-${r.code}`} className='block' data-testid='rejection-reason'>
              ✗ {targetLabel(r.target)}：{r.message}
            </Text>
          ))}
          {view.window ? (
            // Filed by a clerk: the fix is made at the same window, with the originals.
            <Text className='block'>请携带原件到{view.window.unit}人才服务窗口修改后重新提交：{view.window.address}，电话{view.window.phone}。</Text>
          ) : (
            <AppButton id='fix-and-resubmit' onClick={() => go(hasFieldReasons ? ROUTES.info : ROUTES.photos)}>
              按原因修改并重新提交
            </AppButton>
          )}
        </Section>
      ) : null}

      <PaymentLedger view={view} />

      {view.status === 'public-notice' ? (
        <Notice title='公示期间'>
          <Text>公示期内如有异议，审核部门会重新核查；公示结束后补贴发放到您的社会保障卡金融账户。</Text>
        </Notice>
      ) : null}

      {view.status === 'draft' ? (
        <AppButton onClick={entry.open}>继续申请</AppButton>
      ) : null}

      {view.status === 'withdrawn' ? (
        <AppButton
          onClick={() => {
            useDraftStore.getState().startOver()
            go(ROUTES.info)
          }}
        >
          重新申请
        </AppButton>
      ) : null}

      {withdraw.error ? <Notice tone='error' title={withdraw.error} /> : null}
      {(view.status === 'submitted' || view.status === 'rejected') && !view.window ? (
        <AppButton variant='danger' onClick={() => void withdraw.act(undefined)}>
          撤回申请
        </AppButton>
      ) : null}
    </PageShell>
  )
}
