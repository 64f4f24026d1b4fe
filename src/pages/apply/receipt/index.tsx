import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { STATUS_LABELS } from '@zhihui/core'
import { useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StepIndicator } from '@/components/StepIndicator'
import { canSubscribe, copyText, requestStatusSubscriptions, statusTemplateIds, type SubscribeOutcome } from '@/platform'
import { recordSubscription } from '@/services/application'
import { useDraftStore } from '@/stores/draft'
import { goHome, replace, ROUTES } from '@/utils/routes'
import './index.scss'

const SUBSCRIBE_WORDS: Record<SubscribeOutcome, string> = {
  accepted: '已开启：审核结果和发放进度会通过消息通知您。',
  declined: '未开启消息通知。审核结果仍会以短信告知。',
  unavailable: '当前无法开启消息通知。审核结果会以短信告知。',
}

export default function ReceiptPage() {
  const { params } = useRouter()
  const storedNo = useDraftStore((s) => s.applicationNo)
  const status = useDraftStore((s) => s.status)
  const applicationNo = params.no ? decodeURIComponent(params.no) : storedNo
  const [subscription, setSubscription] = useState<SubscribeOutcome>()
  // The server sends WeChat / Alipay messages only to those who accepted; a failed record is not
  // worth an error here (the SMS comes regardless).
  const onSubscribed = (outcome: SubscribeOutcome) => {
    setSubscription(outcome)
    if (outcome !== 'unavailable') void recordSubscription(statusTemplateIds(), outcome === 'accepted').catch(() => undefined)
  }

  return (
    <PageShell>
      <StepIndicator current={5} />
      <Notice tone='success' title='申请已提交'>
        <Text>请记下申请编号，查询进度或咨询时使用。</Text>
      </Notice>
      <Section title='申请回执'>
        <View className='receipt__number' data-testid='application-no'>
          <Text className='receipt__label'>申请编号</Text>
          <Text className='receipt__value'>{applicationNo ?? '—'}</Text>
        </View>
        {status ? <Text className='block'>当前状态：{STATUS_LABELS[status]}</Text> : null}
        {applicationNo ? (
          <AppButton variant='link' onClick={() => void copyText(applicationNo, '申请编号')}>
            复制申请编号
          </AppButton>
        ) : null}
      </Section>
      <Section title='接下来'>
        <Text className='block'>1. 审核人员定期审核，未通过的将以短信告知原因，您可按原因修改后重新提交。</Text>
        <Text className='block'>2. 审核通过后在郑州市人社局网站公示7个工作日。</Text>
        <Text className='block'>3. 公示结束后，补贴按月发放到您的社会保障卡金融账户。</Text>
      </Section>
      {canSubscribe() ? (
        <Section title='消息通知'>
          {subscription ? (
            <Text className='block'>{SUBSCRIBE_WORDS[subscription]}</Text>
          ) : (
            <AppButton
              id='subscribe'
              variant='secondary'
              onClick={() => void requestStatusSubscriptions().then(onSubscribed)}
            >
              接收审核结果和发放通知
            </AppButton>
          )}
        </Section>
      ) : null}
      <AppButton id='receipt-progress' onClick={() => replace(ROUTES.progress)}>
        查看办理进度
      </AppButton>
      <AppButton variant='secondary' onClick={goHome}>
        返回首页
      </AppButton>
    </PageShell>
  )
}
