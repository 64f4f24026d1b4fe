import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { BindingSummaryView } from '@/components/BindingSummaryView'
import { ConsentNotice } from '@/components/ConsentNotice'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StepIndicator } from '@/components/StepIndicator'
import { TextField } from '@/components/TextField'
import { useBindCard } from '@/hooks/use-bind-card'
import { openPrivacyContract, pendingPrivacyContractName } from '@/platform'
import { useDraftStore } from '@/stores/draft'
import { go, ROUTES } from '@/utils/routes'

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
          <ConsentNotice
            checked={bind.consented}
            onToggle={bind.setConsented}
            platformPolicy={platformPolicy}
            onOpenPlatformPolicy={() => openPrivacyContract()}
          />
          <AppButton id='consent-continue' onClick={() => void bind.agree()} disabled={!bind.consented}>
            同意并继续
          </AppButton>
          {!bind.consented ? <Text className='muted'>勾选同意后才能继续。</Text> : null}
        </>
      ) : (
        <>
          <Section title='填写社会保障卡信息' description='请与身份证、社会保障卡上的信息保持一致。信息仅用于向社会保险登记系统核验。'>
            <TextField
              label='姓名'
              name='name'
              value={bind.values.name}
              placeholder='与身份证上的姓名一致'
              maxlength={30}
              required
              error={bind.errors.name}
              onChange={(v) => bind.change('name', v)}
              onBlur={(v) => bind.blur('name', v)}
            />
            <TextField
              label='身份证号码'
              name='idNumber'
              type='idcard'
              value={bind.values.idNumber}
              placeholder='18位，最后一位可能是X'
              maxlength={18}
              required
              error={bind.errors.idNumber}
              onChange={(v) => bind.change('idNumber', v)}
              onBlur={(v) => bind.blur('idNumber', v)}
            />
            <TextField
              label='社会保障卡号'
              name='cardNumber'
              value={bind.values.cardNumber}
              placeholder='社会保障卡正面印的9位卡号'
              maxlength={20}
              required
              error={bind.errors.cardNumber}
              onChange={(v) => bind.change('cardNumber', v)}
              onBlur={(v) => bind.blur('cardNumber', v)}
            />
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
