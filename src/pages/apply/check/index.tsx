import { fieldValueText, FORM_FIELDS, FORM_SECTIONS, shownSections } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { BindingSummaryView } from '@/components/BindingSummaryView'
import { EligibilityPanel } from '@/components/EligibilityPanel'
import { InfoRow } from '@/components/InfoRow'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { StepIndicator } from '@/components/StepIndicator'
import { useEditScope } from '@/hooks/use-edit-scope'
import { useLiveEligibility } from '@/hooks/use-eligibility'
import { useDraftStore } from '@/stores/draft'
import { formatDate } from '@/utils/format'
import { go, ROUTES } from '@/utils/routes'

export default function CheckPage() {
  const form = useDraftStore((s) => s.form)
  const binding = useDraftStore((s) => s.binding)
  const serverReport = useDraftStore((s) => s.serverEligibility)
  const report = useLiveEligibility(form, binding, serverReport)
  const scope = useEditScope()

  if (!binding) {
    return (
      <PageShell>
        <StateView kind='empty' title='请先绑定社会保障卡' action={{ label: '去绑定', onClick: () => go(ROUTES.bindCard) }} />
      </PageShell>
    )
  }

  const edit =
    scope.mode === 'locked' ? undefined : (
      <AppButton variant='link' onClick={() => go(ROUTES.info)}>
        修改
      </AppButton>
    )

  return (
    <PageShell>
      <StepIndicator current={2} />
      <Notice title='请核对以下信息'>确认无误后上传证件照片；如需修改，点击各部分右侧的“修改”。</Notice>

      <Section
        title='社会保障卡'
        extra={
          scope.mode === 'draft' ? (
            <AppButton variant='link' onClick={() => go(ROUTES.bindCard)}>
              重新绑定
            </AppButton>
          ) : undefined
        }
      >
        <BindingSummaryView binding={binding} />
      </Section>

      {shownSections(FORM_SECTIONS, FORM_FIELDS, form).map(({ section, fields }) => (
        <Section key={section.id} title={section.title} extra={edit}>
          {fields.map((field) => (
            <InfoRow
              key={field.key}
              name={field.id}
              label={field.label}
              value={field.widget === 'date' ? formatDate(form[field.key] as string) : fieldValueText(field, form[field.key])}
              flagged={scope.mode === 'fix' && scope.canEditField(field.key)}
            />
          ))}
        </Section>
      ))}

      {report ? <EligibilityPanel report={report} onOpenWindows={() => go(ROUTES.directory)} /> : null}

      <AppButton id='check-next' onClick={() => go(ROUTES.photos)} disabled={report?.channel === 'window'}>
        {scope.mode === 'locked'
          ? '查看已上传的照片'
          : report && !report.eligible
            ? '可先上传证件照片（条件满足后才能提交）'
            : '信息无误，下一步：上传证件照片'}
      </AppButton>
    </PageShell>
  )
}
