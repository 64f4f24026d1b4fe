import { Text, View } from '@tarojs/components'
import { TALENT_REQUEST_PATH, TALENT_REQUEST_STATUS_LABELS, type TalentRequestStatus, type TalentRequestView } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { callPhone } from '@/platform'
import { cx } from '@/utils/class-names'
import { formatDate } from '@/utils/format'
import { formatDateTime } from '../format'

interface Props {
  request: TalentRequestView
  onCancel: () => void
  onRate: () => void
}

/** The statuses to show: the path to `rated`, or filed then cancelled. */
function stepsOf(request: TalentRequestView): { status: TalentRequestStatus; at?: string }[] {
  const at = (status: TalentRequestStatus) => request.timeline.find((entry) => entry.status === status)?.at
  const path: TalentRequestStatus[] = request.status === 'cancelled' ? ['open', 'cancelled'] : [...TALENT_REQUEST_PATH]
  return path.map((status) => ({ status, at: at(status) }))
}

/** One request: where it stands, who serves it and how to reach them, the rating and the bureau's answer. */
export function RequestCard({ request, onCancel, onRate }: Props) {
  const { contact, arrangement, rating, followUp } = request
  return (
    <View className='talent-card' data-request={request.requestId}>
      <View className='talent-card__head'>
        <Text>{request.serviceLabel}</Text>
        <Text className='talent-card__status'>{request.statusLabel}</Text>
      </View>
      <Text className='muted block'>提交于 {formatDateTime(request.filedAt)}</Text>

      <View className='talent-card__block talent-steps'>
        {stepsOf(request).map((step) => (
          <View key={step.status} className={cx('talent-step', step.at !== undefined && 'talent-step--done')} data-step={step.status}>
            <Text className='talent-step__mark'>{step.at !== undefined ? '✓' : '○'}</Text>
            <Text>
              {TALENT_REQUEST_STATUS_LABELS[step.status]}
              {step.at !== undefined ? ` ${formatDateTime(step.at)}` : '（未到）'}
            </Text>
          </View>
        ))}
      </View>

      {request.status !== 'cancelled' ? (
        <View className='talent-card__block' data-testid='contact'>
          <Text className='talent-card__line'>服务单位：{contact.bureau}</Text>
          <Text className='talent-card__line'>服务人员：{contact.staffName ?? '等待服务人员确认'}</Text>
          {arrangement ? (
            <>
              <Text className='talent-card__line'>时间：{arrangement.when}</Text>
              <Text className='talent-card__line'>地点：{arrangement.where}</Text>
            </>
          ) : null}
          <Text className='talent-card__line'>
            {contact.phoneIsOffice ? '人才服务窗口电话' : '联系电话'}：{contact.phone}
          </Text>
          <AppButton variant='secondary' onClick={() => void callPhone(contact.phone)}>
            {contact.phoneIsOffice ? '拨打人才服务窗口电话' : `拨打${contact.staffName ?? ''}的电话`}
          </AppButton>
        </View>
      ) : null}

      {rating ? (
        <View className='talent-card__block'>
          <Text className='talent-card__line'>我的评价：{rating.label}</Text>
          {rating.comment ? <Text className='talent-card__line'>评价内容：{rating.comment}</Text> : null}
          {rating.complaint ? <Text className='talent-card__line'>投诉：{rating.complaint}</Text> : null}
        </View>
      ) : null}

      {followUp ? (
        <View className='talent-card__block' data-testid='follow-up'>
          {followUp.answer ? (
            <>
              <Text className='talent-card__line'>
                {contact.bureau}的答复（{formatDateTime(followUp.answeredAt ?? '')}）：
              </Text>
              <Text className='talent-card__line'>{followUp.answer}</Text>
            </>
          ) : (
            <Text className='talent-card__line'>
              {contact.bureau}将在{formatDate(followUp.due)}前回访并答复您的意见。
            </Text>
          )}
          {followUp.overdue ? <Text className='talent-card__overdue'>已超过答复期限，可拨打人才服务窗口电话催办。</Text> : null}
        </View>
      ) : null}

      {request.canCancel ? (
        <View className='talent-card__block'>
          <AppButton variant='danger' onClick={onCancel}>
            撤销这条请求
          </AppButton>
        </View>
      ) : null}
      {request.canRate ? (
        <View className='talent-card__block'>
          <AppButton onClick={onRate}>评价这次服务</AppButton>
        </View>
      ) : null}
    </View>
  )
}
