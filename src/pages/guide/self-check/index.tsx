import { Text } from '@tarojs/components'
import { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { ChoiceField } from '@/components/ChoiceField'
import { DateField } from '@/components/DateField'
import { EligibilityPanel } from '@/components/EligibilityPanel'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { PickerField } from '@/components/PickerField'
import { Section } from '@/components/Section'
import { SwitchField } from '@/components/SwitchField'
import { TextField } from '@/components/TextField'
import { useApplyEntry } from '@/hooks/use-apply-entry'
import { useSelfCheck } from '@/hooks/use-self-check'
import { go, ROUTES } from '@/utils/routes'

export default function SelfCheckPage() {
  const { answers, answer, report, missing, today } = useSelfCheck()
  const entry = useApplyEntry()

  return (
    <PageShell>
      <Notice title='回答以下问题，看看是否符合申请条件'>
        <Text>自查不需要登录，填写的内容不会保存或上传。</Text>
      </Notice>

      <Section title='学历和年龄'>
        <PickerField
          label='学历'
          name='sc-education'
          options={FORM_EDUCATION_OPTIONS}
          value={answers.education}
          onChange={(v) => answer('education', v)}
        />
        <DateField label='出生日期' name='sc-birthDate' value={answers.birthDate} start='1960-01-01' end={today} onChange={(v) => answer('birthDate', v)} />
        <DateField
          label='毕业日期'
          name='sc-graduationDate'
          value={answers.graduationDate}
          start='2000-01-01'
          end={`${Number(today.slice(0, 4)) + 1}-12-31`}
          hint='还未毕业的可填预计毕业日期'
          onChange={(v) => answer('graduationDate', v)}
        />
        <SwitchField
          label='是否为海外归国留学人员'
          name='sc-overseasReturnee'
          checked={answers.overseasReturnee}
          onChange={(v) => answer('overseasReturnee', v)}
        />
      </Section>

      <Section title='落户和就业'>
        <SwitchField label='是否已在郑州市落户' name='sc-hukou' checked={answers.hukouInZhengzhou} onChange={(v) => answer('hukouInZhengzhou', v)} />
        {answers.hukouInZhengzhou ? (
          <DateField label='落户日期' name='sc-settledOn' value={answers.hukouSettledOn} start='1990-01-01' end={today} onChange={(v) => answer('hukouSettledOn', v)} />
        ) : null}
        <ChoiceField
          label='就业情况'
          name='sc-employment'
          options={FORM_EMPLOYMENT_OPTIONS}
          value={answers.employmentKind}
          onChange={(v) => answer('employmentKind', v)}
        />
      </Section>

      <Section title='社会保险'>
        <SwitchField label='是否已办理社会保障卡' name='sc-card' checked={answers.cardIssued} onChange={(v) => answer('cardIssued', v)} />
        <SwitchField
          label='社会保障卡金融账户是否已激活'
          name='sc-account'
          checked={answers.financialAccountActive}
          onChange={(v) => answer('financialAccountActive', v)}
        />
        <TextField
          label='在郑州连续按时缴纳养老保险的月数'
          name='sc-pension'
          type='number'
          maxlength={3}
          value={answers.pensionMonths}
          hint='补缴的月份不计算在内'
          onChange={(v) => answer('pensionMonths', v.replace(/\D/g, ''))}
        />
      </Section>

      {report ? (
        <>
          <EligibilityPanel report={report} title='自查结果' onOpenWindows={() => go(ROUTES.directory)} />
          {report.eligible && report.channel === 'online' ? (
            <AppButton id='self-check-apply' onClick={entry.open}>
              符合条件，去在线申请
            </AppButton>
          ) : null}
        </>
      ) : (
        <Notice tone='info' title='还需回答'>
          <Text>{missing.join('、')}</Text>
        </Notice>
      )}
    </PageShell>
  )
}
