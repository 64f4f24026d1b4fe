import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/class-names'
import './index.scss'

interface Props {
  checked: boolean
  onToggle: (checked: boolean) => void
  /** The platform privacy policy still to be agreed to, if the platform names one. */
  platformPolicy?: string
  onOpenPlatformPolicy?: () => void
}

/**
 * What is collected and why, before anything is collected (PIPL art. 29/30: separate consent to
 * sensitive personal information, with its purpose and necessity stated).
 */
export function ConsentNotice({ checked, onToggle, platformPolicy, onOpenPlatformPolicy }: Props) {
  return (
    <View className='consent'>
      <Text className='consent__title'>个人信息收集说明</Text>
      <Text className='consent__p'>为办理青年人才生活补贴，我们需要收集以下信息：</Text>
      <Text className='consent__li'>• 姓名、身份证号码：核实身份，判断年龄条件；</Text>
      <Text className='consent__li'>• 社会保障卡号：向社会保险登记系统核验卡片、金融账户状态和养老保险缴纳月数，补贴将发放到该卡的金融账户；</Text>
      <Text className='consent__li'>• 身份证、户口本、毕业证、学位证等证件照片（自主创业者另需营业执照）：供审核人员核对；</Text>
      <Text className='consent__li'>• 手机号码：审核结果以短信通知。</Text>
      <Text className='consent__p'>
        身份证号码、金融账户信息和证件照片属于敏感个人信息，仅用于本项补贴的审核、公示和发放，不作他用；页面上显示时均做脱敏处理。照片在上传前会在手机上压缩，并去除拍摄位置等附加信息。您可以拒绝，拒绝后可携带原件到人才服务窗口办理。
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
        id='consent-tick'
        onClick={() => onToggle(!checked)}
      >
        <Text className='consent__box'>{checked ? '☑' : '☐'}</Text>
        <Text>我已阅读并同意以上说明，同意绑定社会保障卡并提供上述信息</Text>
      </View>
    </View>
  )
}
