import { Text, View } from '@tarojs/components'
import { STATUS_LABELS, type ApplicationStatus } from '@zhihui/core'
import type { ApplicationView } from '@/services/types'
import { cx } from '@/utils/class-names'
import { formatDate, formatYuan } from '@/utils/format'
import './index.scss'

const PATH: ApplicationStatus[] = ['submitted', 'under-review', 'public-notice', 'paying', 'paid']

type StepState = 'done' | 'current' | 'todo' | 'failed' | 'halted'

const STATE_WORDS: Record<StepState, string> = { done: '已完成', current: '进行中', todo: '未开始', failed: '未通过', halted: '已终止' }
const STATE_MARKS: Record<StepState, string> = { done: '✓', current: '●', todo: '○', failed: '✗', halted: '✗' }

interface Step {
  status: ApplicationStatus
  state: StepState
  at?: string
  detail?: string
}

/** The last time the application entered `status`, from the server's timeline. */
function lastAt(view: ApplicationView, status: ApplicationStatus): string | undefined {
  return [...view.timeline].reverse().find((t) => t.status === status)?.at
}

/** Where the monthly payments stand, on the paying step. */
function payingDetail(view: ApplicationView): string | undefined {
  const e = view.entitlement
  if (!e) return undefined
  return `按月发放：已发放 ${e.paidMonths} / ${e.months} 个月，共${formatYuan(e.paidYuan)}`
}

export function stepsFor(view: ApplicationView): Step[] {
  if (view.status === 'stopped') {
    const steps: Step[] = PATH.slice(0, PATH.indexOf('paying') + 1).map((status) => ({ status, state: 'done', at: lastAt(view, status) }))
    const paying = steps[steps.length - 1]
    if (paying) paying.detail = payingDetail(view)
    const notice = steps.find((step) => step.status === 'public-notice')
    if (notice && view.notice) notice.detail = `公示期：${formatDate(view.notice.start)}至${formatDate(view.notice.end)}`
    steps.push({ status: 'stopped', state: 'halted', at: lastAt(view, 'stopped'), detail: view.stop?.reason ? `原因：${view.stop.reason}` : undefined })
    return steps
  }
  if (view.status === 'rejected' || view.status === 'withdrawn') {
    const steps: Step[] = [{ status: 'submitted', state: 'done', at: lastAt(view, 'submitted') }]
    if (view.status === 'rejected') steps.push({ status: 'under-review', state: 'done', at: lastAt(view, 'under-review') })
    steps.push({ status: view.status, state: 'failed', at: lastAt(view, view.status) })
    return steps
  }
  const current = PATH.indexOf(view.status)
  return PATH.map((status, index) => {
    const state: StepState = view.status === 'paid' || index < current ? 'done' : index === current ? 'current' : 'todo'
    const step: Step = { status, state, at: state === 'todo' ? undefined : lastAt(view, status) }
    if (status === 'public-notice' && view.notice) {
      step.detail = `公示期：${formatDate(view.notice.start)}至${formatDate(view.notice.end)}`
    }
    if (status === 'paying' && state !== 'todo') step.detail = payingDetail(view)
    if (status === 'paid' && state === 'done') {
      // An old one-off payment without a monthly entitlement (carried over as it was) shows its day.
      step.detail = view.entitlement
        ? '全部月份发放完毕'
        : view.payments?.map((p) => `${formatDate(p.at)} 发放${formatYuan(p.amountYuan)}`).join('；')
    }
    return step
  })
}

export function StatusTimeline({ view }: { view: ApplicationView }) {
  return (
    <View className='timeline' data-testid='timeline'>
      {stepsFor(view).map((step) => (
        <View key={step.status} className={cx('timeline__step', `timeline__step--${step.state}`)} data-status={step.status}>
          <View className='timeline__mark' aria-hidden>
            <Text>{STATE_MARKS[step.state]}</Text>
          </View>
          <View className='timeline__content'>
            <Text className='timeline__label'>
              {STATUS_LABELS[step.status]}
              <Text className='timeline__state'>（{STATE_WORDS[step.state]}）</Text>
            </Text>
            {step.at ? <Text className='timeline__date'>{formatDate(step.at)}</Text> : null}
            {step.detail ? <Text className='timeline__detail'>{step.detail}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
