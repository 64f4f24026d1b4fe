import { View } from '@tarojs/components'
import type { BindingSummary } from '@/services/types'
import { InfoRow } from '../InfoRow'

/** The bound card as the registry reported it. Numbers arrive masked and are shown as they came. */
export function BindingSummaryView({ binding }: { binding: BindingSummary }) {
  return (
    <View data-testid='binding-summary'>
      <InfoRow label='姓名' value={binding.name} />
      <InfoRow label='身份证号码' value={binding.idNumberMasked} />
      <InfoRow label='社会保障卡号' value={binding.cardNumberMasked} />
      <InfoRow label='社会保障卡' value={binding.cardIssued ? '✓ 已办理' : '✗ 未办理'} flagged={!binding.cardIssued} />
      <InfoRow
        label='金融账户'
        value={binding.financialAccountActive ? '✓ 已激活' : '✗ 未激活'}
        flagged={!binding.financialAccountActive}
      />
      <InfoRow label='养老保险连续缴纳' value={`${binding.pensionMonths}个月`} />
    </View>
  )
}
