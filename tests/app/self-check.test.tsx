import { fireEvent, render, screen, within } from '@testing-library/react'
import { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS, SELF_CHECK_FIELDS } from '@zhihui/core'
import SelfCheckPage from '@/pages/guide/self-check/index'
import { field, pickDate, pickOption, typeInto } from './support/dom'

const label = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? `missing ${value}`

function answerAll(overrides: { pension?: string } = {}) {
  pickOption('sc-education', label(FORM_EDUCATION_OPTIONS, 'master'))
  pickDate('sc-birthDate', '1996-05-01')
  pickDate('sc-graduationDate', '2024-06-30')
  pickDate('sc-settledOn', '2024-08-01')
  fireEvent.click(within(field('sc-employment')).getByText(label(FORM_EMPLOYMENT_OPTIONS, 'employed')))
  typeInto('sc-pension', overrides.pension ?? '6')
}

describe('eligibility self-check', () => {
  it('says what is still to answer', () => {
    render(<SelfCheckPage />)
    expect(screen.getByText('学历、出生日期、毕业日期、落户日期、就业情况、在郑州连续按时缴纳养老保险的月数')).toBeTruthy()
  })

  it('an eligible master is told the amount', () => {
    render(<SelfCheckPage />)
    answerAll()
    const report = screen.getByTestId('eligibility')
    expect(report.getAttribute('data-eligible')).toBe('yes')
    expect(report.textContent).toContain('每月1,000元')
  })

  it('too few pension months: every unmet condition with the date it will be met', () => {
    render(<SelfCheckPage />)
    answerAll({ pension: '1' })
    fireEvent.click(within(field('sc-account')).getByRole('switch'))
    const report = screen.getByTestId('eligibility')
    expect(report.getAttribute('data-eligible')).toBe('no')
    expect(report.querySelector('[data-code="PENSION_MONTHS_INSUFFICIENT"]')?.textContent).toContain('2025年8月1日起即可满足')
    expect(report.querySelector('[data-code="FINANCIAL_ACCOUNT_INACTIVE"]')).not.toBeNull()
  })

  it('sends returnees to the window list', () => {
    render(<SelfCheckPage />)
    answerAll()
    fireEvent.click(within(field('sc-overseasReturnee')).getByRole('switch'))
    expect(screen.getByText('请到人才服务窗口办理')).toBeTruthy()
    expect(screen.getByRole('button', { name: '查看人才服务窗口' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '符合条件，去在线申请' })).toBeNull()
  })

  it('sends preparatory technicians to the window list', () => {
    render(<SelfCheckPage />)
    answerAll()
    pickOption('sc-education', label(FORM_EDUCATION_OPTIONS, 'preparatory-technician'))
    expect(screen.getByText('请到人才服务窗口办理')).toBeTruthy()
  })

  it('asks every question of core’s SELF_CHECK_FIELDS (the settlement date once settled)', () => {
    render(<SelfCheckPage />)
    for (const question of SELF_CHECK_FIELDS) {
      expect(field(question.id).textContent).toContain(question.label)
    }
    fireEvent.click(within(field('sc-hukou')).getByRole('switch'))
    expect(document.querySelector('[data-field="sc-settledOn"]')).toBeNull()
  })

  it('says when a count cannot be read, and gives no report', () => {
    render(<SelfCheckPage />)
    answerAll({ pension: '六个月' })
    expect(field('sc-pension').textContent).toContain('应填写0至999的整数')
    expect(screen.queryByTestId('eligibility')).toBeNull()
  })
})
