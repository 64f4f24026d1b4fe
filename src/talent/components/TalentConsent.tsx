import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/class-names'
import '../../components/ConsentNotice/index.scss'

interface Props {
  checked: boolean
  onToggle: (checked: boolean) => void
  platformPolicy?: string
  onOpenPlatformPolicy?: () => void
}

/**
 * What the talent services collect and why, before anything is collected (PIPL art. 29/30:
 * separate consent to sensitive personal information, with purpose and necessity), and who sees
 * it: the seed's platform shows the expert's name and photo to the service staff.
 */
export function TalentConsent({ checked, onToggle, platformPolicy, onOpenPlatformPolicy }: Props) {
  return (
    <View className='consent'>
      <Text className='consent__title'>个人信息收集说明</Text>
      <Text className='consent__p'>为向经认定的高层次人才提供“一键服务”，我们需要收集以下信息：</Text>
      <Text className='consent__li'>• 姓名、身份证号码、人才认定证书编号：向“智汇郑州”高层次人才认定名单核验您的身份和人才层次；</Text>
      <Text className='consent__li'>• 手机号码（可不填）：服务确认、安排、完成和投诉答复时以短信通知您。</Text>
      <Text className='consent__p'>
        身份证号码属于敏感个人信息，仅用于核验身份，页面上显示时均做脱敏处理。您提出服务需求后，负责该项服务的局委服务人员会看到您的姓名、人才层次和照片，以便与您对接线下服务；市、局委管理人员可查看服务与评价情况，但看不到您的证件号码。您可以拒绝，拒绝后可致电人才服务窗口办理。
      </Text>
      {platformPolicy && onOpenPlatformPolicy ? (
        <Text className='consent__link' onClick={onOpenPlatformPolicy}>
          查看{platformPolicy}
        </Text>
      ) : null}
      <View
        className={cx('consent__tick', checked && 'consent__tick--checked')}
        role='checkbox'
        aria-checked={checked}
        id='talent-consent-tick'
        onClick={() => onToggle(!checked)}
      >
        <Text className='consent__box'>{checked ? '☑' : '☐'}</Text>
        <Text>我已阅读并同意以上说明，同意核验高层次人才身份</Text>
      </View>
    </View>
  )
}
