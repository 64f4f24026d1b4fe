import { Text, View } from '@tarojs/components'
import { TALENT_OFFICE } from '@zhihui/core'
import { useEffect, useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { ConsentStep } from '@/components/ConsentStep'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { ID_NUMBER_FIELD, NAME_FIELD, TextFieldList } from '@/components/TextFieldList'
import { callPhone, pendingPrivacyContractName } from '@/platform'
import { replace, ROUTES } from '@/utils/routes'
import { TALENT_CONSENT } from '../../components/talent-consent-text'
import { useTalentVerify } from '../../hooks/use-talent-verify'
import '../../components/talent.scss'

/**
 * Verification once, against the city's talent registry: consent first (as for the card binding),
 * then name, ID number and certificate number. Someone the registry does not know is told so
 * kindly with the talent office's phone (the city HR bureau's talent window, TALENT_OFFICE), and
 * nothing is filed.
 */
const VERIFY_FIELDS = [
  NAME_FIELD,
  ID_NUMBER_FIELD,
  { name: 'certificateNo', label: '人才认定证书编号', placeholder: '证书上的编号', maxlength: 32, required: true },
  { name: 'mobile', label: '手机号码', type: 'number', placeholder: '用于接收服务进度短信，可不填', maxlength: 11 },
] as const

export default function TalentVerifyPage() {
  const verify = useTalentVerify(() => replace(ROUTES.talentServices))
  const [platformPolicy, setPlatformPolicy] = useState<string>()

  useEffect(() => {
    void pendingPrivacyContractName().then(setPlatformPolicy)
  }, [])

  return (
    <PageShell privacy className='talent'>
      {verify.banner ? <Notice tone={verify.banner.tone} title={verify.banner.text} /> : null}
      {verify.notFound ? (
        <Notice tone='warning' title='没有找到您的人才认定信息'>
          <Text className='block'>{verify.notFound}</Text>
          <View className='talent-card__block'>
            <Text className='talent-card__line'>
              {TALENT_OFFICE.name}：{TALENT_OFFICE.phone}
            </Text>
            <AppButton id='call-talent-office' variant='secondary' onClick={() => void callPhone(TALENT_OFFICE.phone)}>
              拨打人才服务窗口电话
            </AppButton>
          </View>
        </Notice>
      ) : null}

      {verify.stage === 'consent' ? (
        <>
          <ConsentStep
            text={TALENT_CONSENT}
            tickId='talent-consent-tick'
            continueId='talent-consent-continue'
            consented={verify.consented}
            setConsented={verify.setConsented}
            onContinue={() => void verify.agree()}
            platformPolicy={platformPolicy}
          />
        </>
      ) : (
        <>
          <Section title='核验高层次人才身份' description='请与身份证和人才认定证书上的信息保持一致，只需核验一次。'>
            <TextFieldList specs={VERIFY_FIELDS} form={verify} />
          </Section>
          <AppButton id='talent-verify-submit' onClick={() => void verify.submit()} loading={verify.submitting}>
            {verify.submitting ? '正在核验…' : '核验身份'}
          </AppButton>
        </>
      )}
    </PageShell>
  )
}
