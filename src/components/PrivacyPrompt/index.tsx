import { Button, Text, View } from '@tarojs/components'
import { agreePrivacy, declinePrivacy, openPrivacyContract, usePrivacyPromptStore } from '@/platform'
import './index.scss'

const AGREE_BUTTON_ID = 'agree-privacy'

/**
 * Shown when WeChat reports that a privacy API waits for the applicant's agreement. Only the
 * platform's agreePrivacyAuthorization button can give it; the answer goes back to the waiting call.
 */
export function PrivacyPrompt() {
  const pending = usePrivacyPromptStore((s) => s.pending)
  if (!pending) return null
  return (
    <View className='privacy' role='dialog' aria-modal>
      <View className='privacy__panel'>
        <Text className='privacy__title'>个人信息保护提示</Text>
        <Text className='privacy__text'>
          申请生活补贴需要收集您的姓名、身份证号、社会保障卡号和证件照片，仅用于补贴审核和发放。请阅读《用户隐私保护指引》后选择是否同意。
        </Text>
        <Button className='btn btn--link' onClick={() => openPrivacyContract()}>
          查看《用户隐私保护指引》
        </Button>
        <Button
          id={AGREE_BUTTON_ID}
          className='btn'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => agreePrivacy(AGREE_BUTTON_ID)}
        >
          同意并继续
        </Button>
        <Button className='btn btn--secondary' onClick={() => declinePrivacy()}>
          不同意
        </Button>
      </View>
    </View>
  )
}
