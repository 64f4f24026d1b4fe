import { EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS, FORM_FIELD_LABELS } from '@zhihui/core'
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
import { asksDegreeCertificate, FIELD_PATHS, type FormKey } from '@/utils/application-form'
import { formatDate } from '@/utils/format'
import { go, ROUTES } from '@/utils/routes'

const yesNo = (value: boolean) => (value ? '是' : '否')

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

  const row = (key: FormKey, value: string) => (
    <InfoRow
      key={key}
      name={key}
      label={FORM_FIELD_LABELS[FIELD_PATHS[key]]}
      value={value}
      flagged={scope.mode === 'fix' && scope.canEditField(key)}
    />
  )
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

      <Section title='学历信息' extra={edit}>
        {row('education', form.education ? EDUCATION_LABELS[form.education] : '')}
        {row('school', form.school)}
        {row('major', form.major)}
        {row('graduationDate', formatDate(form.graduationDate))}
        {row('graduationCertificateNo', form.graduationCertificateNo)}
        {asksDegreeCertificate(form) ? row('degreeCertificateNo', form.degreeCertificateNo) : null}
        {row('overseasReturnee', yesNo(form.overseasReturnee))}
      </Section>

      <Section title='户籍信息' extra={edit}>
        {row('hukouInZhengzhou', yesNo(form.hukouInZhengzhou))}
        {form.hukouInZhengzhou ? row('hukouDistrict', form.hukouDistrict) : null}
        {form.hukouInZhengzhou ? row('hukouSettledOn', formatDate(form.hukouSettledOn)) : null}
      </Section>

      <Section title='就业信息' extra={edit}>
        {row('employmentKind', form.employmentKind ? EMPLOYMENT_KIND_LABELS[form.employmentKind] : '')}
        {form.employmentKind === 'employed' ? row('employer', form.employer) : null}
        {form.employmentKind === 'self-employed' ? row('creditCode', form.creditCode) : null}
      </Section>

      <Section title='联系方式' extra={edit}>
        {row('mobile', form.mobile)}
      </Section>

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
