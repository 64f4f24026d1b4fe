import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { RatingLevel } from '@zhihui/core'
import { useRef, useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { SwitchField } from '@/components/SwitchField'
import { TextField } from '@/components/TextField'
import { isApiError } from '@/services/api-error'
import { rateTalentRequest } from '@/services/talent'
import { replace, ROUTES } from '@/utils/routes'
import { RatingPicker } from '../../components/RatingPicker'
import '../../components/talent.scss'

/**
 * The evaluation after a service [seed, second article: "每一个专家接受服务后,要对服务单位和服务
 * 人员有一个评价"]: one of five levels, an optional comment, and an optional complaint, which the
 * bureau must answer within 15 working days.
 */
export default function TalentRatePage() {
  const { params } = useRouter()
  const requestId = params.id ?? ''
  const service = params.service ? decodeURIComponent(params.service) : '这次服务'
  const [level, setLevel] = useState<RatingLevel>()
  const [comment, setComment] = useState('')
  const [complaining, setComplaining] = useState(false)
  const [complaint, setComplaint] = useState('')
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const inFlight = useRef(false)

  async function submit(): Promise<void> {
    if (inFlight.current) return
    if (level === undefined) {
      setError('请选择一个评价等级。')
      return
    }
    if (complaining && complaint.trim() === '') {
      setError('请写下投诉的内容，或关闭“我要投诉”。')
      return
    }
    inFlight.current = true
    setSending(true)
    setError(undefined)
    try {
      const answer = await rateTalentRequest(requestId, {
        level,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(complaining ? { complaint: complaint.trim() } : {}),
      })
      await Taro.showToast({ title: answer.followUpDue ? '已提交，局委将回访' : '感谢您的评价', icon: 'none' })
      replace(ROUTES.talentRequests)
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败，请稍后重试。')
    } finally {
      inFlight.current = false
      setSending(false)
    }
  }

  return (
    <PageShell className='talent'>
      {error ? <Notice tone='error' title={error} /> : null}
      <Section title={`您对“${service}”满意吗？`} description='您的评价将计入各服务单位的满意率和投诉率，作为局委绩效考核的依据。'>
        <RatingPicker value={level} onChange={setLevel} />
      </Section>
      <Section title='说说您的感受（可不填）'>
        <TextField label='评价内容' name='comment' value={comment} maxlength={500} placeholder='最多500字' onChange={setComment} />
        <SwitchField label='我要投诉' name='complaining' checked={complaining} onChange={setComplaining} />
        {complaining ? (
          <>
            <TextField label='投诉内容' name='complaint' value={complaint} maxlength={1000} placeholder='请写明问题，局委将在15个工作日内回访答复' onChange={setComplaint} />
            <Text className='muted block'>投诉由服务单位所属局委在15个工作日内回访并答复，答复结果可在“我的服务请求”中查看。</Text>
          </>
        ) : null}
      </Section>
      <AppButton id='rating-submit' onClick={() => void submit()} loading={sending}>
        {sending ? '正在提交…' : '提交评价'}
      </AppButton>
    </PageShell>
  )
}
