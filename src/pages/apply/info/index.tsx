import { Text, View } from '@tarojs/components'
import { FORM_FIELDS, FORM_SECTIONS, shownSections, type FormValues } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { EligibilityPanel } from '@/components/EligibilityPanel'
import { FieldInput } from '@/components/FieldInput'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { ReviewNote } from '@/components/ReviewNote'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { StepIndicator } from '@/components/StepIndicator'
import { useApplicationForm } from '@/hooks/use-application-form'
import { useBinding } from '@/hooks/use-binding'
import { useEditScope } from '@/hooks/use-edit-scope'
import { useLiveEligibility } from '@/hooks/use-eligibility'
import { useDraftStore } from '@/stores/draft'
import { targetLabel } from '@/utils/rejection'
import { go, ROUTES } from '@/utils/routes'
import { today } from '@/utils/today'

export default function InfoPage() {
  const { binding, lookup, error, retry } = useBinding()
  const f = useApplicationForm()
  const scope = useEditScope()
  const serverReport = useDraftStore((s) => s.serverEligibility)
  const report = useLiveEligibility(f.form, binding, serverReport)
  const day = today()

  if (lookup === 'loading') return <PageShell><StateView kind='loading' title='正在读取绑定信息…' /></PageShell>
  if (lookup === 'error') {
    return (
      <PageShell>
        <StateView kind='error' title='读取失败' description={error} action={{ label: '重试', onClick: retry }} />
      </PageShell>
    )
  }
  if (lookup === 'missing' || !binding) {
    return (
      <PageShell>
        <StateView
          kind='empty'
          title='请先绑定社会保障卡'
          description='申请需要先核验您的社会保障卡，再填写申请信息。'
          action={{ label: '去绑定', onClick: () => go(ROUTES.bindCard) }}
        />
      </PageShell>
    )
  }

  const { form } = f

  async function next(): Promise<void> {
    if (scope.mode === 'locked') {
      go(ROUTES.check)
      return
    }
    if (report?.channel === 'window') return
    const outcome = await f.save(scope.editableFields)
    if (outcome.ok) go(ROUTES.check)
  }

  return (
    <PageShell>
      <StepIndicator current={1} />
      {scope.mode === 'fix' ? (
        <Notice tone='warning' title='审核未通过，请修改标出的项目'>
          {scope.reasons.map((r) => (
            <Text key={`${r.target}-${r.code}`} className='block'>
              • {targetLabel(r.target)}：{r.message}
            </Text>
          ))}
          <Text className='block'>其他项目已通过审核，无需修改。</Text>
        </Notice>
      ) : null}
      {scope.window ? (
        <Notice title={`本申请由${scope.window.unit}人才服务窗口代为办理，信息不能在线修改`}>
          <Text className='block'>如需修改，请携带原件到{scope.window.unit}人才服务窗口办理：{scope.window.address}，电话{scope.window.phone}。</Text>
        </Notice>
      ) : scope.mode === 'locked' ? (
        <Notice title='申请已提交，正在办理中，信息不能修改。' />
      ) : null}
      {report ? (
        <View className='info__summary' data-testid='eligibility-summary'>
          <Text>
            {report.channel === 'window'
              ? '根据您填写的情况，需要到人才服务窗口办理（见页面底部）。'
              : report.eligible
                ? '✓ 按目前填写的信息，符合申请条件。'
                : `按目前填写的信息，还有${report.unmet.length}项条件未满足，详见页面底部。`}
          </Text>
        </View>
      ) : null}

      {shownSections(FORM_SECTIONS, FORM_FIELDS, form).map(({ section, fields }) => (
        <Section key={section.id} title={section.title}>
          {fields.map((field) => (
            <ReviewNote key={field.key} reason={scope.fieldReason(field.key)}>
              <FieldInput
                field={field}
                value={form[field.key]}
                today={day}
                readOnly={!scope.canEditField(field.key)}
                error={f.errorFor(field.key)}
                onChoose={(value) => f.choose(field.key, value as FormValues[typeof field.key])}
                onType={(value) => f.change(field.key, value as FormValues[typeof field.key])}
                onBlur={() => f.blur(field.key)}
              />
            </ReviewNote>
          ))}
        </Section>
      ))}

      {report ? <EligibilityPanel report={report} onOpenWindows={() => go(ROUTES.directory)} /> : null}

      {f.banner ? <Notice tone='error' title={f.banner} /> : null}
      <AppButton id='info-next' onClick={() => void next()} loading={f.saving} disabled={report?.channel === 'window'}>
        {f.saving ? '正在保存…' : '下一步：核对信息'}
      </AppButton>
      {report?.channel === 'window' ? <Text className='muted'>此类申请需到人才服务窗口办理，不能在线提交。</Text> : null}
    </PageShell>
  )
}
