import { Text, View } from '@tarojs/components'
import { DISTRICTS, FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS, type District } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { ChoiceField } from '@/components/ChoiceField'
import { DateField } from '@/components/DateField'
import { EligibilityPanel } from '@/components/EligibilityPanel'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { PickerField } from '@/components/PickerField'
import { ReviewNote } from '@/components/ReviewNote'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { StepIndicator } from '@/components/StepIndicator'
import { SwitchField } from '@/components/SwitchField'
import { TextField } from '@/components/TextField'
import { useApplicationForm } from '@/hooks/use-application-form'
import { useBinding } from '@/hooks/use-binding'
import { useEditScope } from '@/hooks/use-edit-scope'
import { useLiveEligibility } from '@/hooks/use-eligibility'
import { useDraftStore } from '@/stores/draft'
import { asksDegreeCertificate } from '@/utils/application-form'
import { targetLabel } from '@/utils/rejection'
import { go, ROUTES } from '@/utils/routes'
import { today } from '@/utils/today'

const DISTRICT_OPTIONS = DISTRICTS.map((d) => ({ value: d, label: d }))

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

  const ro = (key: Parameters<typeof scope.canEditField>[0]) => !scope.canEditField(key)
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
      {scope.mode === 'locked' ? <Notice title='申请已提交，正在办理中，信息不能修改。' /> : null}
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

      <Section title='学历信息'>
        <ReviewNote reason={scope.fieldReason('education')}>
          <PickerField
            label='学历'
            name='education'
            options={FORM_EDUCATION_OPTIONS}
            value={form.education}
            required
            readOnly={ro('education')}
            error={f.errorFor('education')}
            onChange={(v) => f.choose('education', v)}
          />
        </ReviewNote>
        <ReviewNote reason={scope.fieldReason('school')}>
          <TextField
            label='毕业院校'
            name='school'
            value={form.school}
            placeholder='与毕业证上的学校名称一致'
            required
            readOnly={ro('school')}
            error={f.errorFor('school')}
            onChange={(v) => f.change('school', v)}
            onBlur={() => f.blur('school')}
          />
        </ReviewNote>
        <ReviewNote reason={scope.fieldReason('major')}>
          <TextField
            label='所学专业'
            name='major'
            value={form.major}
            required
            readOnly={ro('major')}
            error={f.errorFor('major')}
            onChange={(v) => f.change('major', v)}
            onBlur={() => f.blur('major')}
          />
        </ReviewNote>
        <ReviewNote reason={scope.fieldReason('graduationDate')}>
          <DateField
            label='毕业日期'
            name='graduationDate'
            value={form.graduationDate}
            end={day}
            start='2000-01-01'
            required
            hint='以毕业证书上的日期为准'
            readOnly={ro('graduationDate')}
            error={f.errorFor('graduationDate')}
            onChange={(v) => f.choose('graduationDate', v)}
          />
        </ReviewNote>
        <ReviewNote reason={scope.fieldReason('graduationCertificateNo')}>
          <TextField
            label='毕业证书编号'
            name='graduationCertificateNo'
            value={form.graduationCertificateNo}
            placeholder='毕业证书上的证书编号（国内高校为18位数字）'
            maxlength={40}
            required
            readOnly={ro('graduationCertificateNo')}
            error={f.errorFor('graduationCertificateNo')}
            onChange={(v) => f.change('graduationCertificateNo', v)}
            onBlur={() => f.blur('graduationCertificateNo')}
          />
        </ReviewNote>
        {asksDegreeCertificate(form) ? (
          <ReviewNote reason={scope.fieldReason('degreeCertificateNo')}>
            <TextField
              label='学位证书编号'
              name='degreeCertificateNo'
              value={form.degreeCertificateNo}
              placeholder='学位证书上的证书编号（国内高校为16位数字）'
              maxlength={40}
              required
              readOnly={ro('degreeCertificateNo')}
              error={f.errorFor('degreeCertificateNo')}
              onChange={(v) => f.change('degreeCertificateNo', v)}
              onBlur={() => f.blur('degreeCertificateNo')}
            />
          </ReviewNote>
        ) : null}
        <ReviewNote reason={scope.fieldReason('overseasReturnee')}>
          <SwitchField
            label='是否为海外归国留学人员'
            name='overseasReturnee'
            checked={form.overseasReturnee}
            readOnly={ro('overseasReturnee')}
            error={f.errorFor('overseasReturnee')}
            onChange={(v) => f.choose('overseasReturnee', v)}
          />
        </ReviewNote>
      </Section>

      <Section title='户籍信息'>
        <ReviewNote reason={scope.fieldReason('hukouInZhengzhou')}>
          <SwitchField
            label='是否已在郑州市落户'
            name='hukouInZhengzhou'
            checked={form.hukouInZhengzhou}
            readOnly={ro('hukouInZhengzhou')}
            error={f.errorFor('hukouInZhengzhou')}
            onChange={(v) => f.choose('hukouInZhengzhou', v)}
          />
        </ReviewNote>
        {form.hukouInZhengzhou ? (
          <>
            <ReviewNote reason={scope.fieldReason('hukouDistrict')}>
              <PickerField<District>
                label='落户区县（市）'
                name='hukouDistrict'
                options={DISTRICT_OPTIONS}
                value={form.hukouDistrict}
                required
                readOnly={ro('hukouDistrict')}
                error={f.errorFor('hukouDistrict')}
                onChange={(v) => f.choose('hukouDistrict', v)}
              />
            </ReviewNote>
            <ReviewNote reason={scope.fieldReason('hukouSettledOn')}>
              <DateField
                label='落户日期'
                name='hukouSettledOn'
                value={form.hukouSettledOn}
                end={day}
                start='1990-01-01'
                required
                hint='以户口簿本人页上的迁入日期为准'
                readOnly={ro('hukouSettledOn')}
                error={f.errorFor('hukouSettledOn')}
                onChange={(v) => f.choose('hukouSettledOn', v)}
              />
            </ReviewNote>
          </>
        ) : null}
      </Section>

      <Section title='就业信息'>
        <ReviewNote reason={scope.fieldReason('employmentKind')}>
          <ChoiceField
            label='就业情况'
            name='employmentKind'
            options={FORM_EMPLOYMENT_OPTIONS}
            value={form.employmentKind}
            required
            readOnly={ro('employmentKind')}
            error={f.errorFor('employmentKind')}
            onChange={(v) => f.choose('employmentKind', v)}
          />
        </ReviewNote>
        {form.employmentKind === 'employed' ? (
          <ReviewNote reason={scope.fieldReason('employer')}>
            <TextField
              label='工作单位名称'
              name='employer'
              value={form.employer}
              placeholder='单位全称'
              required
              readOnly={ro('employer')}
              error={f.errorFor('employer')}
              onChange={(v) => f.change('employer', v)}
              onBlur={() => f.blur('employer')}
            />
          </ReviewNote>
        ) : null}
        {form.employmentKind === 'self-employed' ? (
          <ReviewNote reason={scope.fieldReason('creditCode')}>
            <TextField
              label='统一社会信用代码'
              name='creditCode'
              value={form.creditCode}
              placeholder='营业执照上的18位代码'
              maxlength={18}
              required
              readOnly={ro('creditCode')}
              error={f.errorFor('creditCode')}
              onChange={(v) => f.change('creditCode', v)}
              onBlur={() => f.blur('creditCode')}
            />
          </ReviewNote>
        ) : null}
      </Section>

      <Section title='联系方式'>
        <ReviewNote reason={scope.fieldReason('mobile')}>
          <TextField
            label='手机号码'
            name='mobile'
            type='number'
            value={form.mobile}
            placeholder='审核结果将以短信通知'
            maxlength={11}
            required
            readOnly={ro('mobile')}
            error={f.errorFor('mobile')}
            onChange={(v) => f.change('mobile', v)}
            onBlur={() => f.blur('mobile')}
          />
        </ReviewNote>
      </Section>

      {report ? <EligibilityPanel report={report} onOpenWindows={() => go(ROUTES.directory)} /> : null}

      {f.banner ? <Notice tone='error' title={f.banner} /> : null}
      <AppButton id='info-next' onClick={() => void next()} loading={f.saving} disabled={report?.channel === 'window'}>
        {f.saving ? '正在保存…' : '下一步：核对信息'}
      </AppButton>
      {report?.channel === 'window' ? <Text className='muted'>此类申请需到人才服务窗口办理，不能在线提交。</Text> : null}
    </PageShell>
  )
}
