import { Text, View } from '@tarojs/components'
import type { EligibilityReport } from '@zhihui/core'
import { formatYuan } from '@/utils/format'
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
          {/* A window-only applicant who meets the conditions must not read "apply here": say where. */}
          <Text className='eligibility__heading'>
            {report.channel === 'window' ? '✓ 条件符合，但须到人才服务窗口申请' : '✓ 符合申请条件'}
          </Text>
          {report.subsidy ? (
            <Text className='eligibility__text'>
              {report.channel === 'window' ? '窗口受理后' : ''}可领取每月{formatYuan(report.subsidy.monthlyYuan)}，共
              {report.subsidy.months}个月。
            </Text>
          ) : null}
        </View>
      ) : (
        <View className='eligibility__unmet'>
          <Text className='eligibility__heading'>✗ 还有{report.unmet.length}项条件未满足</Text>
          {report.unmet.map((rule) => (
            <View key={`${rule.code}-${rule.field ?? ''}`} className='eligibility__rule' data-code={rule.code}>
              <Text className='eligibility__rule-text'>• {rule.message}</Text>
              {/* The message already names the day (core writes it in); this only says no action is needed. */}
              {rule.metFrom ? (
                <Text className='eligibility__met-from' data-met-from={rule.metFrom}>
                  到时自动满足，无需补办材料
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
