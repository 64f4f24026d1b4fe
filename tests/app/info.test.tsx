import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import {
  checkEligibilityByBirthDate,
  FORM_EDUCATION_OPTIONS,
  FORM_EMPLOYMENT_OPTIONS,
  FORM_FIELDS,
  formBody,
  isFieldShown,
  parseMobile,
  validateApplicationForm,
  type FieldDefinition,
  type FormValues,
} from '@zhihui/core'
import CheckPage from '@/pages/apply/check/index'
import InfoPage from '@/pages/apply/info/index'
import { useDraftStore } from '@/stores/draft'
import { field, fieldError, inputValue, pickDate, pickOption, typeInto } from './support/dom'
import { apiError, fakeApi, json } from './support/fake-api'
import { BINDING, COMPLETE_FORM } from './support/people'

const label = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? `missing ${value}`

const OK_REPORT = { eligible: true, channel: 'online', unmet: [], policy: '2017', subsidy: { monthlyYuan: 500, months: 36 } }

function withBinding(pensionMonths = BINDING.pensionMonths) {
  useDraftStore.getState().setBinding({ ...BINDING, pensionMonths })
}

describe('applicant information', () => {
  it('asks to bind the card first when there is no binding anywhere', async () => {
    fakeApi({ 'GET /me': () => json(200, {}) })
    render(<InfoPage />)
    expect(await screen.findByText('请先绑定社会保障卡')).toBeTruthy()
  })

  it('restores a binding made on another device from GET /me', async () => {
    const { birthDate: _omitted, ...masked } = BINDING
    fakeApi({ 'GET /me': () => json(200, { binding: masked }) })
    render(<InfoPage />)
    expect(await screen.findByText('学历信息')).toBeTruthy()
    expect(useDraftStore.getState().binding?.idNumberMasked).toBe(BINDING.idNumberMasked)
  })

  it('shows core’s message beside the mobile field as it is left', () => {
    withBinding()
    render(<InfoPage />)
    typeInto('mobile', '1234', false)
    expect(fieldError('mobile')).toBeUndefined()
    fireEvent.blur(within(field('mobile')).getByRole('textbox'))
    const expected = parseMobile('1234')
    if (expected.ok) throw new Error('should be invalid')
    expect(fieldError('mobile')).toContain(expected.error.message)
  })

  it('checks a self-employed applicant’s credit code with core', () => {
    withBinding()
    render(<InfoPage />)
    fireEvent.click(within(field('employmentKind')).getByText(label(FORM_EMPLOYMENT_OPTIONS, 'self-employed')))
    typeInto('creditCode', '91410100MA44CA1XB0')
    const result = validateApplicationForm(formBody(useDraftStore.getState().form), { today: '2025-06-15' })
    const expected = result.ok ? undefined : result.errors.find((e) => e.field === 'facts.employment.creditCode')?.message
    expect(expected).toBeTruthy()
    expect(fieldError('creditCode')).toBe(`!${expected}`)
  })

  it('keeps the live eligibility report, with the date a rule will be met', () => {
    withBinding(1)
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    render(<InfoPage />)
    const report = screen.getByTestId('eligibility')
    expect(report.getAttribute('data-eligible')).toBe('no')
    const expected = checkEligibilityByBirthDate(
      {
        birthDate: '1998-03-15',
        education: 'bachelor',
        graduationDate: '2024-06-30',
        overseasReturnee: false,
        hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-07-15' },
        employment: { kind: 'employed', employer: '郑州某某科技有限公司' },
        socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 1 },
      },
      { today: '2025-06-15' },
    )
    const pension = expected.unmet.find((r) => r.code === 'PENSION_MONTHS_INSUFFICIENT')
    expect(pension?.metFrom).toBe('2025-08-01')
    expect(report.textContent).toContain(pension?.message ?? 'missing')
    expect(report.textContent).toContain('2025年8月1日起即可满足')
  })

  it('updates the report as facts change: a returnee is sent to a window', () => {
    withBinding()
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    render(<InfoPage />)
    expect(screen.getByTestId('eligibility').getAttribute('data-eligible')).toBe('yes')
    fireEvent.click(within(field('overseasReturnee')).getByRole('switch'))
    expect(screen.getByText('请到人才服务窗口办理')).toBeTruthy()
    expect((document.getElementById('info-next') as HTMLButtonElement).disabled).toBe(true)
  })

  it('marks every invalid field and sends nothing when “下一步” is tapped too early', async () => {
    const api = fakeApi({})
    withBinding()
    render(<InfoPage />)
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }))
    expect(await screen.findByText(/还有\d+项需要修改/)).toBeTruthy()
    expect(fieldError('education')).toContain('请选择学历')
    expect(fieldError('mobile')).toBeTruthy()
    expect(api.calls('PUT', '/application')).toHaveLength(0)
  })

  it('saves a valid form and goes on to the check page', async () => {
    const api = fakeApi({ 'PUT /application': () => json(200, { application: { status: 'draft' }, eligibility: OK_REPORT }) })
    withBinding()
    render(<InfoPage />)
    pickOption('education', label(FORM_EDUCATION_OPTIONS, 'bachelor'))
    typeInto('school', COMPLETE_FORM['details.school'])
    typeInto('major', COMPLETE_FORM['details.major'])
    pickDate('graduationDate', COMPLETE_FORM['facts.graduationDate'])
    typeInto('graduationCertificateNo', COMPLETE_FORM['details.graduationCertificateNo'])
    typeInto('degreeCertificateNo', COMPLETE_FORM['details.degreeCertificateNo'])
    pickOption('hukouDistrict', '金水区')
    pickDate('hukouSettledOn', COMPLETE_FORM['facts.hukou.settledOn'])
    fireEvent.click(within(field('employmentKind')).getByText(label(FORM_EMPLOYMENT_OPTIONS, 'employed')))
    typeInto('employer', COMPLETE_FORM['facts.employment.employer'])
    typeInto('mobile', COMPLETE_FORM['details.mobile'])
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/check/index' }))
    const body = api.calls('PUT', '/application')[0]?.data as { facts: Record<string, unknown>; details: Record<string, unknown> }
    expect(body.facts).toMatchObject({ education: 'bachelor', graduationDate: '2024-06-30', hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-07-15' } })
    expect(body.details).toMatchObject({ mobile: '13803711234', school: '郑州大学' })
    // idNumber and social security never travel in this body (design.md, PUT /application).
    expect(JSON.stringify(body)).not.toContain('idNumber')
    expect(useDraftStore.getState().serverEligibility).toEqual(OK_REPORT)
  })

  it('puts the server’s 422 beside the field it names and keeps every entry', async () => {
    fakeApi({
      'PUT /application': () => apiError(422, 'DATE_TOO_LATE', '毕业日期与学信网记录不一致，请核对', 'facts.graduationDate'),
    })
    withBinding()
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    render(<InfoPage />)
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }))
    await waitFor(() => expect(fieldError('graduationDate')).toContain('毕业日期与学信网记录不一致'))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(inputValue('mobile')).toBe(COMPLETE_FORM['details.mobile'])
    expect(useDraftStore.getState().form).toEqual(COMPLETE_FORM)
  })

  it('reads a list of field errors from a 422 too', async () => {
    fakeApi({
      'PUT /application': () => ({
        status: 422,
        body: {
          error: {
            code: 'VALIDATION',
            message: '填写有误',
            errors: [
              { field: 'details.mobile', code: 'MOBILE_FORMAT', message: '手机号码已被他人使用' },
              { field: 'facts.employment.employer', code: 'TEXT_LENGTH', message: '单位名称过长' },
            ],
          },
        },
      }),
    })
    withBinding()
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    render(<InfoPage />)
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }))
    await waitFor(() => expect(fieldError('mobile')).toContain('手机号码已被他人使用'))
    expect(fieldError('employer')).toContain('单位名称过长')
  })

  it('shows a network failure and loses nothing', async () => {
    fakeApi({ 'PUT /application': () => 'network-error' })
    withBinding()
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    render(<InfoPage />)
    fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    expect(useDraftStore.getState().form).toEqual(COMPLETE_FORM)
  })

  it('after a rejection opens only the rejected fields', () => {
    withBinding()
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    useDraftStore.setState({ status: 'rejected', applicationNo: 'ZZ1' })
    useDraftStore.getState().applyRejection('2025-06-10', [
      { target: 'facts.graduationDate', code: 'MISMATCH', message: '毕业日期与毕业证不一致' },
    ])
    render(<InfoPage />)
    expect(screen.getByText(/审核未通过，请修改标出的项目/)).toBeTruthy()
    expect(field('graduationDate').querySelector('input[type="date"]')).not.toBeNull()
    // The rejected field carries the reviewer's words; no other field does.
    const notes = screen.getAllByTestId('review-note')
    expect(notes).toHaveLength(1)
    expect(notes[0]?.textContent).toContain('审核意见：毕业日期与毕业证不一致')
    expect(notes[0]?.querySelector('[data-field="graduationDate"]')).not.toBeNull()
    // Not rejected: shown as text, no input.
    expect(within(field('mobile')).queryByRole('textbox')).toBeNull()
    expect(field('mobile').textContent).toContain(COMPLETE_FORM['details.mobile'])
  })
})

/** Values under which `field` is shown: the complete form, with the answer its rule asks for. */
function valuesShowing(field: FieldDefinition): FormValues {
  const rule = field.shownWhen
  if (rule === undefined) return COMPLETE_FORM
  const options = FORM_FIELDS.find((f) => f.key === rule.field)
  const answer =
    rule.oneOf?.[0] ??
    [true, false, ...(options && 'options' in options ? options.options.map((o) => o.value) : [])].find((v) => !rule.noneOf?.includes(v))
  return { ...COMPLETE_FORM, [rule.field]: answer } as FormValues
}

describe('the pages render core’s FORM_FIELDS, every field of it', () => {
  it.each(FORM_FIELDS.map((f) => [f.key, f] as const))('%s: on the information page, with its label, and on the check page', (_key, spec) => {
    const field = spec as FieldDefinition
    const values = valuesShowing(field)
    expect(isFieldShown(field, values)).toBe(true)
    withBinding()
    useDraftStore.getState().patchForm(values)
    const { unmount } = render(<InfoPage />)
    const block = document.querySelector(`#field-${field.id}`)
    expect(block?.textContent).toContain(field.label)
    // The widget the table names: a control for it, not just a label.
    expect(block?.querySelector('input, select, [role="radiogroup"], [role="switch"]')).not.toBeNull()
    unmount()
    render(<CheckPage />)
    expect(document.querySelector(`[data-field="${field.id}"]`)?.textContent).toContain(field.label)
  })

  it('hides what the answers leave out, on both pages', () => {
    withBinding()
    useDraftStore.getState().patchForm({ ...COMPLETE_FORM, 'facts.hukou.inZhengzhou': false, 'facts.education': 'preparatory-technician' })
    const { unmount } = render(<InfoPage />)
    for (const id of ['hukouDistrict', 'hukouSettledOn', 'degreeCertificateNo', 'creditCode']) expect(document.querySelector(`[data-field="${id}"]`)).toBeNull()
    unmount()
    render(<CheckPage />)
    for (const id of ['hukouDistrict', 'hukouSettledOn', 'degreeCertificateNo', 'creditCode']) expect(document.querySelector(`[data-field="${id}"]`)).toBeNull()
  })

  it('shows a window application read-only, with the window to go to', () => {
    withBinding()
    useDraftStore.getState().patchForm(COMPLETE_FORM)
    useDraftStore.setState({ status: 'submitted', applicationNo: 'ZZ1', channel: 'window' })
    useDraftStore.getState().recordChannel('window', {
      unit: '金水区',
      district: '金水区',
      cityLevel: false,
      address: '金水区东风路与花园路政务服务中心1楼大厅',
      windows: 7,
      phone: '0371-55560790',
    })
    render(<InfoPage />)
    expect(screen.getByText(/本申请由金水区人才服务窗口代为办理/)).toBeTruthy()
    expect(document.body.textContent).toContain('0371-55560790')
    expect(screen.queryAllByRole('textbox')).toHaveLength(0)
  })
})
