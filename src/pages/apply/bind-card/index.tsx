import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { BindingSummaryView } from '@/components/BindingSummaryView'
import { ConsentStep } from '@/components/ConsentStep'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StepIndicator } from '@/components/StepIndicator'
import { ID_NUMBER_FIELD, NAME_FIELD, TextFieldList } from '@/components/TextFieldList'
import { useBindCard } from '@/hooks/use-bind-card'
import { pendingPrivacyContractName } from '@/platform'
import { useDraftStore } from '@/stores/draft'
import { go, ROUTES } from '@/utils/routes'
import { SUBSIDY_CONSENT } from './consent-text'

const BIND_FIELDS = [
  NAME_FIELD,
  ID_NUMBER_FIELD,
  { name: 'cardNumber', label: '社会保障卡号', placeholder: '社会保障卡正面印的9位卡号', maxlength: 20, required: true },
] as const

export default function BindCardPage() {
  const bind = useBindCard()
  const binding = useDraftStore((s) => s.binding)
  const [rebinding, setRebinding] = useState(false)
  const [platformPolicy, setPlatformPolicy] = useState<string>()

  useEffect(() => {
    void pendingPrivacyContractName().then(setPlatformPolicy)
  }, [])

  const showSummary = binding && (bind.stage === 'done' || !rebinding)

  return (
    <PageShell privacy>
      <StepIndicator current={0} />
      {bind.banner ? <Notice tone={bind.banner.tone} title={bind.banner.text} /> : null}

      {showSummary && binding ? (
        <>
          <Notice tone='success' title='社会保障卡已绑定'>
            <Text>以下为社会保险登记系统返回的信息（号码已做脱敏处理）。</Text>
          </Notice>
          <Section title='绑定结果'>
            <BindingSummaryView binding={binding} />
          </Section>
          {!binding.financialAccountActive ? (
            <Notice tone='warning' title='金融账户未激活'>
              <Text>补贴发放到社会保障卡的金融账户，请先到社会保障卡所属银行网点激活，激活后重新绑定即可更新状态。</Text>
            </Notice>
          ) : null}
          <AppButton id='to-info' onClick={() => go(ROUTES.info)}>
            下一步：填写申请信息
          </AppButton>
          <AppButton
            variant='secondary'
            onClick={() => {
              setRebinding(true)
              bind.setStage('consent')
            }}
          >
            重新绑定（更新卡片状态）
          </AppButton>
        </>
      ) : bind.stage === 'consent' ? (
        <>
          <ConsentStep
            text={SUBSIDY_CONSENT}
            tickId='consent-tick'
            continueId='consent-continue'
            consented={bind.consented}
            setConsented={bind.setConsented}
            onContinue={() => void bind.agree()}
            platformPolicy={platformPolicy}
          />
        </>
      ) : (
        <>
          <Section title='填写社会保障卡信息' description='请与身份证、社会保障卡上的信息保持一致。信息仅用于向社会保险登记系统核验。'>
            <TextFieldList specs={BIND_FIELDS} form={bind} />
          </Section>
          <View>
            <AppButton id='bind-submit' onClick={() => void bind.submit()} loading={bind.submitting}>
              {bind.submitting ? '正在核验…' : '核验并绑定'}
            </AppButton>
          </View>
        </>
      )}
    </PageShell>
  )
}
