import { Text, View } from '@tarojs/components'
import { TALENT_OFFICE } from '@zhihui/core'
import { useEffect, useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { TextField } from '@/components/TextField'
import { callPhone, openPrivacyContract, pendingPrivacyContractName } from '@/platform'
import { replace, ROUTES } from '@/utils/routes'
import { TalentConsent } from '../../components/TalentConsent'
import { useTalentVerify } from '../../hooks/use-talent-verify'
import '../../components/talent.scss'

/**
 * Verification once, against the city's talent registry: consent first (as for the card binding),
 * then name, ID number and certificate number. Someone the registry does not know is told so
 * kindly with the talent office's phone (the city HR bureau's talent window, TALENT_OFFICE), and
 * nothing is filed.
 */
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
          <TalentConsent
            checked={verify.consented}
            onToggle={verify.setConsented}
            platformPolicy={platformPolicy}
            onOpenPlatformPolicy={() => openPrivacyContract()}
          />
          <AppButton id='talent-consent-continue' onClick={() => void verify.agree()} disabled={!verify.consented}>
            同意并继续
          </AppButton>
          {!verify.consented ? <Text className='muted'>勾选同意后才能继续。</Text> : null}
        </>
      ) : (
        <>
          <Section title='核验高层次人才身份' description='请与身份证和人才认定证书上的信息保持一致，只需核验一次。'>
            <TextField
              label='姓名'
              name='name'
              value={verify.values.name}
              placeholder='与身份证上的姓名一致'
              maxlength={30}
              required
              error={verify.errors.name}
              onChange={(v) => verify.change('name', v)}
              onBlur={(v) => verify.blur('name', v)}
            />
            <TextField
              label='身份证号码'
              name='idNumber'
              type='idcard'
              value={verify.values.idNumber}
              placeholder='18位，最后一位可能是X'
              maxlength={18}
              required
              error={verify.errors.idNumber}
              onChange={(v) => verify.change('idNumber', v)}
              onBlur={(v) => verify.blur('idNumber', v)}
            />
            <TextField
              label='人才认定证书编号'
              name='certificateNo'
              value={verify.values.certificateNo}
              placeholder='证书上的编号'
              maxlength={32}
              required
              error={verify.errors.certificateNo}
              onChange={(v) => verify.change('certificateNo', v)}
              onBlur={(v) => verify.blur('certificateNo', v)}
            />
            <TextField
              label='手机号码'
              name='mobile'
              type='number'
              value={verify.values.mobile}
              placeholder='用于接收服务进度短信，可不填'
              maxlength={11}
              error={verify.errors.mobile}
              onChange={(v) => verify.change('mobile', v)}
              onBlur={(v) => verify.blur('mobile', v)}
            />
          </Section>
          <AppButton id='talent-verify-submit' onClick={() => void verify.submit()} loading={verify.submitting}>
            {verify.submitting ? '正在核验…' : '核验身份'}
          </AppButton>
        </>
      )}
    </PageShell>
  )
}
