import { Text, View } from '@tarojs/components'
import { formatChineseMonth } from '@zhihui/core'
import type { ApplicationView } from '@/services/types'
import { cx } from '@/utils/class-names'
import { formatDate, formatYuan } from '@/utils/format'
import { InfoRow } from '../InfoRow'
import { Notice } from '../Notice'
import { Section } from '../Section'
import './index.scss'

/**
 * The monthly ledger of an application that is paying, paid off or stopped (design.md, "Monthly
 * payments"): paid n of the entitlement's months, the total so far, every month with its amount
 * or the reason it was not paid, the next month due, and the end (发放完毕 / 已终止 with the
 * reason). A suspended month is marked by a sign and the words 未发放, never by colour alone.
 */
export function PaymentLedger({ view }: { view: ApplicationView }) {
  const { entitlement } = view
  if (!entitlement) return null
  const lines = view.payments ?? []
  return (
    <Section title='补贴发放明细' description={`每月${formatYuan(entitlement.monthlyYuan)}，自${formatChineseMonth(entitlement.firstMonth)}起，共${entitlement.months}个月`}>
      {view.status === 'paid' ? <Notice tone='success' title='补贴已全部发放完毕' /> : null}
      {view.status === 'stopped' ? (
        <Notice tone='warning' title='已终止发放'>
          <Text data-testid='stop-reason'>原因：{view.stop?.reason || '请联系人才服务窗口了解'}</Text>
          {view.stop?.at ? <Text className='block'>终止时间：{formatDate(view.stop.at)}</Text> : null}
        </Notice>
      ) : null}
      <View data-testid='ledger-summary'>
        <InfoRow label='发放进度' value={`已发放 ${entitlement.paidMonths} / ${entitlement.months} 个月`} />
        <InfoRow label='累计发放' value={formatYuan(entitlement.paidYuan)} />
        <InfoRow label='下次发放' value={nextWords(view)} />
      </View>
      <View className='ledger' data-testid='ledger'>
        {lines.map((line) => (
          <View key={line.month} className={cx('ledger__line', `ledger__line--${line.status}`)} data-month={line.month}>
            <View className='ledger__head'>
              <Text className='ledger__month'>{formatChineseMonth(line.month)}</Text>
              <Text className='ledger__amount'>{line.status === 'paid' ? `✓ 已发放 ${formatYuan(line.amountYuan)}` : '✗ 未发放'}</Text>
            </View>
            {line.status === 'suspended' && line.reason ? <Text className='ledger__reason'>{line.reason}</Text> : null}
          </View>
        ))}
      </View>
    </Section>
  )
}

function nextWords(view: ApplicationView): string {
  const next = view.entitlement?.nextMonth
  if (view.status === 'paid' || next === null || next === undefined) return '发放完毕'
  if (view.status === 'stopped') return '已终止发放，恢复后继续'
  return formatChineseMonth(next)
}
