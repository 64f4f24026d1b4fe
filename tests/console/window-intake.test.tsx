/**
 * Window intake (packages/console/src/pages/window-intake): the form is drawn from core's
 * FORM_FIELDS (every field the table shows is rendered, with its label, and none it hides), a
 * registry mismatch names the item on the form, a duplicate shows the application in the way and
 * creates nothing, and a form error from the server lands under its field with nothing lost.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import {
  EMPTY_FORM_VALUES,
  FORM_FIELDS,
  isFieldShown,
  type FieldDefinition,
  type FormValues,
  type WindowApplicationView,
} from '@zhihui/core'
import { ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { IntakeFormFields } from '../../packages/console/src/pages/window-intake/FormFields'
import { requiredOriginals } from '../../packages/console/src/pages/window-intake/intake'
import WindowIntakePage from '../../packages/console/src/pages/window-intake'
import { fakeApi, staffIdentity } from './support/fake-api'
import { button, renderPage } from './support/render'

const FIELDS: readonly FieldDefinition[] = FORM_FIELDS
const clerk = staffIdentity({ username: 'clerk-jinshui', name: '窗口经办王芳', roles: ['window-clerk'], district: '金水区' })

/**
 * Value sets that between them open every branch of the table's visibility rules, derived from
 * the rules themselves: the empty form, then for each rule each answer it names (oneOf) and,
 * for noneOf, each excluded answer and an answer it allows.
 */
function scenarios(): FormValues[] {
  const sets = new Map<string, FormValues>([['', EMPTY_FORM_VALUES]])
  for (const field of FIELDS) {
    const rule = field.shownWhen
    if (rule === undefined) continue
    const allowed = FIELDS.find((f) => f.key === rule.field)?.options?.find((o) => !(rule.noneOf ?? []).includes(o.value))?.value
    for (const answer of [...(rule.oneOf ?? []), ...(rule.noneOf ?? []), ...(allowed !== undefined ? [allowed] : [])]) {
      sets.set(`${rule.field}=${String(answer)}`, { ...EMPTY_FORM_VALUES, [rule.field]: answer } as FormValues)
    }
  }
  return [...sets.values()]
}

function renderForm(values: FormValues, errors: Record<string, string> = {}) {
  return render(
    <ConfigProvider locale={zhCN}>
      <IntakeFormFields values={values} errors={errors} today='2026-03-01' onChange={() => undefined} />
    </ConfigProvider>,
  )
}

describe('the intake form, drawn from FORM_FIELDS', () => {
  it('renders every field the table shows for the answers given, with its label and help, and no field it hides', () => {
    const everShown = new Set<string>()
    for (const values of scenarios()) {
      const view = renderForm(values)
      for (const field of FIELDS) {
        const shown = isFieldShown(field, values as unknown as Record<string, string | boolean>)
        const element = view.container.querySelector(`#field-${field.id}`)
        if (shown) {
          everShown.add(field.key)
          expect({ field: field.key, rendered: element !== null }).toEqual({ field: field.key, rendered: true })
          const item = element?.closest('.ant-form-item')
          expect(item?.querySelector('label')?.textContent).toContain(field.label)
          if (field.help !== undefined) expect(item?.textContent).toContain(field.help)
          for (const option of field.widget === 'radio' ? (field.options ?? []) : []) expect(item?.textContent).toContain(option.label)
        } else {
          expect({ field: field.key, rendered: element !== null }).toEqual({ field: field.key, rendered: false })
        }
      }
      view.unmount()
    }
    // A field added to the table is shown by some answers, so it must have been rendered above.
    expect(FIELDS.map((f) => f.key).filter((key) => !everShown.has(key))).toEqual([])
  })

  it('shows a server error under the field it names', () => {
    renderForm({ ...EMPTY_FORM_VALUES, 'details.mobile': '1380371' }, { 'details.mobile': '手机号码应为11位' })
    const item = document.querySelector('#field-mobile')?.closest('.ant-form-item')
    expect(item?.textContent).toContain('手机号码应为11位')
    expect((document.querySelector('#field-mobile') as HTMLInputElement).value).toBe('1380371')
  })

  it('lists the originals core asks at a window, the report replaced by a valid 学信网 code', () => {
    const values = { ...EMPTY_FORM_VALUES, 'facts.education': 'master', 'facts.employment.kind': 'self-employed' } as FormValues
    expect(requiredOriginals(values).map((d) => d.kind)).toEqual([
      'id-card',
      'hukou',
      'social-security-card',
      'graduation-certificate',
      'degree-certificate',
      'student-record-report',
      'business-license',
    ])
    expect(requiredOriginals(values).find((d) => d.kind === 'student-record-report')?.replacedBy).toBeUndefined()
    const technician = { ...values, 'facts.education': 'preparatory-technician', 'facts.employment.kind': 'employed' } as FormValues
    expect(requiredOriginals(technician).map((d) => d.kind)).not.toContain('degree-certificate')
  })
})

async function startWith(answer: { status: number; body: unknown }) {
  const api = fakeApi().on('POST /window-applications', answer)
  renderPage(<WindowIntakePage />, { staff: clerk, path: '/window-intake', at: '/window-intake', extra: [{ path: '/window-intake/:no', element: <p>continued</p> }] })
  fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '周明轩' } })
  fireEvent.change(screen.getByLabelText('身份证号'), { target: { value: '410105199807118312' } })
  fireEvent.change(screen.getByLabelText('社会保障卡卡号'), { target: { value: 'A41010008' } })
  fireEvent.click(button(/核验并开始受理/))
  await waitFor(() => expect(api.callsTo('POST /window-applications')).toHaveLength(1))
  return api
}

describe('starting an intake', () => {
  it('checks the ID number as it is typed, with core’s parser', async () => {
    fakeApi()
    renderPage(<WindowIntakePage />, { staff: clerk, path: '/window-intake', at: '/window-intake' })
    fireEvent.change(await screen.findByLabelText('身份证号'), { target: { value: '410105199807118313' } })
    expect(await screen.findByText(/校验/)).toBeTruthy()
  })

  it('names the item the registry did not match (422 CARD_MISMATCH)', async () => {
    const api = await startWith({
      status: 422,
      body: {
        error: { code: 'CARD_MISMATCH', message: '社保登记信息核验不一致：社会保障卡卡号与登记不符，请对照申请人的身份证和社会保障卡原件核对后重新录入。', field: 'cardNumber' },
        mismatch: ['cardNumber'],
      },
    })
    expect(await screen.findByText('核验不一致：社会保障卡卡号')).toBeTruthy()
    expect(await screen.findByText('社会保障卡卡号与社保登记信息不符，请对照原件核对')).toBeTruthy()
    expect(screen.queryByText('姓名与社保登记信息不符，请对照原件核对')).toBeNull()
    expect(api.calls[0]?.body).toEqual({ name: '周明轩', idNumber: '410105199807118312', cardNumber: 'A41010008' })
    expect(screen.getByTestId('location').textContent).toBe('/window-intake')
  })

  it('shows the application already there, with its number, channel, status and where, and creates nothing (409 ACTIVE_APPLICATION)', async () => {
    await startWith({
      status: 409,
      body: {
        error: { code: 'ACTIVE_APPLICATION', message: '该申请人已有一份审核中的申请（申请编号ZZ2026030100007，线上申请（微信或支付宝小程序）），一人只能有一份申请，本次未受理。' },
        existing: { applicationNo: 'ZZ2026030100007', channel: 'online', status: 'under-review', statusLabel: '审核中', where: '线上申请（微信或支付宝小程序）' },
      },
    })
    expect(await screen.findByText('该申请人已有申请，本次未受理')).toBeTruthy()
    expect(screen.getByText('ZZ2026030100007')).toBeTruthy()
    expect(screen.getByText('线上申报')).toBeTruthy()
    expect(screen.getByText('审核中')).toBeTruthy()
    expect(screen.getByText('线上申请（微信或支付宝小程序）')).toBeTruthy()
    expect(screen.getByTestId('location').textContent).toBe('/window-intake')
  })

  it('offers to continue a duplicate filed at this window', async () => {
    await startWith({
      status: 409,
      body: {
        error: { code: 'ACTIVE_APPLICATION', message: '该申请人已有一份草稿的申请。' },
        existing: {
          applicationNo: 'ZZ2026030100009',
          channel: 'window',
          status: 'draft',
          statusLabel: '草稿',
          where: '金水区人才服务窗口（…）',
          window: { unit: '金水区', district: '金水区', cityLevel: false, address: '…', windows: 2, phone: '0371-1' },
        },
      },
    })
    expect((await screen.findByText('继续办理这份申请')).closest('a')?.getAttribute('href')).toBe('/window-intake/ZZ2026030100009')
  })

  it('goes on to the form once created', async () => {
    await startWith({ status: 201, body: { applicationNo: 'ZZ2026030100011', status: 'draft' } })
    expect(await screen.findByText('continued')).toBeTruthy()
  })
})

const NO = 'ZZ2026030100011'

function intakeView(over: Partial<WindowApplicationView> = {}): WindowApplicationView {
  return {
    applicationNo: NO,
    status: 'draft',
    statusLabel: '草稿',
    channel: 'window',
    window: { unit: '金水区人才服务窗口', district: '金水区', cityLevel: false, address: '郑州市金水区', windows: 2, phone: '0371-00000000' },
    filedBy: 'staff:clerk-jinshui',
    filedByName: '窗口经办王芳',
    applicant: { name: '周明轩', idNumberMasked: '4101**********8312', cardNumberMasked: 'A4*****07' },
    chsi: null,
    receipt: null,
    timeline: [],
    documents: [],
    requiredDocuments: [],
    facts: null,
    details: null,
    raw: { details: { school: '莫纳什大学', mobile: '139' } },
    eligibility: null,
    ...over,
  }
}

describe('continuing an intake', () => {
  it('keeps what was entered and shows the server’s 422 under the named field', async () => {
    const api = fakeApi()
      .on(`GET /window-applications/${NO}`, { status: 200, body: intakeView() })
      .on(`PUT /window-applications/${NO}`, {
        status: 422,
        body: { error: { code: 'VALIDATION', message: '请填写11位手机号码', field: 'details.mobile' }, errors: [{ field: 'details.mobile', code: 'MOBILE_FORMAT', message: '请填写11位手机号码' }] },
      })
    renderPage(<WindowIntakePage />, { staff: clerk, path: '/window-intake/:no', at: `/window-intake/${NO}` })
    expect(await screen.findByText(`窗口受理 ${NO}`)).toBeTruthy()
    expect((document.querySelector('#field-school') as HTMLInputElement).value).toBe('莫纳什大学')
    fireEvent.change(document.querySelector('#field-major') as HTMLInputElement, { target: { value: '金融学' } })
    fireEvent.click(button(/保\s*存/))
    await waitFor(() => expect(api.callsTo(`PUT /window-applications/${NO}`)).toHaveLength(1))
    expect(api.callsTo(`PUT /window-applications/${NO}`)[0]?.body).toMatchObject({ details: { school: '莫纳什大学', major: '金融学', mobile: '139' } })
    const item = document.querySelector('#field-mobile')?.closest('.ant-form-item')
    await waitFor(() => expect(item?.textContent).toContain('请填写11位手机号码'))
    expect((document.querySelector('#field-major') as HTMLInputElement).value).toBe('金融学')
  })
})
