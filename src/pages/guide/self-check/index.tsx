import { Text } from '@tarojs/components'
import { SELF_CHECK_FIELDS, SELF_CHECK_SECTIONS, fieldErrorMessage, shownSections } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { EligibilityPanel } from '@/components/EligibilityPanel'
import { FieldInput } from '@/components/FieldInput'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useApplyEntry } from '@/hooks/use-apply-entry'
import { useSelfCheck } from '@/hooks/use-self-check'
import { go, ROUTES } from '@/utils/routes'

export default function SelfCheckPage() {
  const { answers, answer, report, missing, errors, today } = useSelfCheck()
  const entry = useApplyEntry()

  return (
    <PageShell>
      <Notice title='回答以下问题，看看是否符合申请条件'>
        <Text>自查不需要登录，填写的内容不会保存或上传。</Text>
      </Notice>

      {shownSections(SELF_CHECK_SECTIONS, SELF_CHECK_FIELDS, answers).map(({ section, fields }) => (
        <Section key={section.id} title={section.title}>
          {fields.map((field) => (
            <FieldInput
              key={field.key}
              field={field}
              value={answers[field.key] ?? ''}
              today={today}
              markRequired={false}
              error={fieldErrorMessage(errors, field.key)}
              onChoose={(value) => answer(field.key, value)}
              onType={(value) => answer(field.key, value)}
            />
          ))}
        </Section>
      ))}

      {report ? (
        <>
          <EligibilityPanel report={report} title='自查结果' onOpenWindows={() => go(ROUTES.directory)} />
          {report.eligible && report.channel === 'online' ? (
            <AppButton id='self-check-apply' onClick={entry.open}>
              符合条件，去在线申请
            </AppButton>
          ) : null}
        </>
      ) : missing.length > 0 ? (
        <Notice tone='info' title='还需回答'>
          <Text>{missing.map((field) => field.label).join('、')}</Text>
        </Notice>
      ) : null}
    </PageShell>
  )
}
