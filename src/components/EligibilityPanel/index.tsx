import { Text, View } from '@tarojs/components'
import type { EligibilityReport } from '@zhihui/core'
import { formatDate, formatYuan } from '@/utils/format'
import { AppButton } from '../AppButton'
import './index.scss'

interface Props {
  report: EligibilityReport
  /** Where window-only applicants are sent. */
  onOpenWindows?: () => void
  title?: string
}

/** The eligibility report as the applicant reads it: every unmet condition, why, and from when. */
export function EligibilityPanel({ report, onOpenWindows, title = '申请条件核对' }: Props) {
  return (
    <View className='eligibility' data-testid='eligibility' data-eligible={report.eligible ? 'yes' : 'no'}>
      <Text className='eligibility__title'>{title}</Text>
      {report.channel === 'window' ? (
        <View className='eligibility__window'>
          <Text className='eligibility__heading'>请到人才服务窗口办理</Text>
          <Text className='eligibility__text'>
            海外归国留学人员和技工院校全日制预备技师（技师）需要携带原件到人才服务窗口申请，不能在线申报。
          </Text>
          {onOpenWindows ? (
            <AppButton variant='secondary' onClick={onOpenWindows}>
              查看人才服务窗口
            </AppButton>
          ) : null}
        </View>
      ) : null}
      {report.eligible ? (
        <View className='eligibility__ok'>
          <Text className='eligibility__heading'>✓ 符合申请条件</Text>
          {report.subsidy ? (
            <Text className='eligibility__text'>
              可领取每月{formatYuan(report.subsidy.monthlyYuan)}，共{report.subsidy.months}个月。
            </Text>
          ) : null}
        </View>
      ) : (
        <View className='eligibility__unmet'>
          <Text className='eligibility__heading'>✗ 还有{report.unmet.length}项条件未满足</Text>
          {report.unmet.map((rule) => (
            <View key={`${rule.code}-${rule.field ?? ''}`} className='eligibility__rule' data-code={rule.code}>
              <Text className='eligibility__rule-text'>• {rule.message}</Text>
              {rule.metFrom ? (
                <Text className='eligibility__met-from'>预计{formatDate(rule.metFrom)}起满足此条件</Text>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
