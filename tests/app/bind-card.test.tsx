import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { parseCardNumber, parseIdNumber } from '@zhihui/core'
import BindCardPage from '@/pages/apply/bind-card/index'
import { useDraftStore } from '@/stores/draft'
import { apiError, fakeApi, json } from './support/fake-api'
import { CARD_NUMBER, ID_NUMBER } from './support/people'
import { storage } from './support/taro-mock'

function field(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-field="${name}"]`)
  if (!element) throw new Error(`no field ${name}`)
  return element
}

function type(name: string, value: string, blur = true): void {
  const input = within(field(name)).getByRole('textbox')
  fireEvent.change(input, { target: { value } })
  if (blur) fireEvent.blur(input)
}

async function openForm(): Promise<void> {
  render(<BindCardPage />)
  const next = screen.getByRole('button', { name: '同意并继续' })
  expect((next as HTMLButtonElement).disabled).toBe(true)
  fireEvent.click(screen.getByRole('checkbox'))
  fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))
  await screen.findByRole('button', { name: '核验并绑定' })
}

const bound = {
  name: '张*',
  idNumberMasked: '4101**********123X',
  cardNumberMasked: 'A1*****78',
  cardIssued: true,
  financialAccountActive: false,
  pensionMonths: 2,
}

describe('bind the social-security card', () => {
  it('asks for consent, saying what is collected and why, before showing the form', async () => {
    render(<BindCardPage />)
    expect(screen.getByText(/身份证号码、金融账户信息和证件照片属于敏感个人信息/)).toBeTruthy()
    expect(screen.queryByRole('textbox')).toBeNull()
    fireEvent.click(screen.getByRole('checkbox'))
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))
    expect(await screen.findAllByRole('textbox')).toHaveLength(3)
  })

  it('shows core’s message beside the ID number field when it is left invalid', async () => {
    await openForm()
    const wrong = `${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('1') ? '2' : '1'}`
    type('idNumber', wrong)
    const expected = parseIdNumber(wrong, { today: '2025-06-15' })
    if (expected.ok) throw new Error('the test number should be invalid')
    expect(within(field('idNumber')).getByRole('alert').textContent).toContain(expected.error.message)
    // Fixing it clears the message while typing.
    type('idNumber', ID_NUMBER, false)
    expect(within(field('idNumber')).queryByRole('alert')).toBeNull()
  })

  it('checks the card number with core too', async () => {
    await openForm()
    type('cardNumber', '12345')
    const expected = parseCardNumber('12345')
    if (expected.ok) throw new Error('should be invalid')
    expect(within(field('cardNumber')).getByRole('alert').textContent).toContain(expected.error.message)
  })

  it('does not call the server while a field is invalid', async () => {
    const api = fakeApi({})
    await openForm()
    type('name', '张三')
    type('idNumber', '123')
    type('cardNumber', CARD_NUMBER)
    fireEvent.click(screen.getByRole('button', { name: '核验并绑定' }))
    expect(await screen.findByText(/请按提示修改标出的项目/)).toBeTruthy()
    expect(api.calls('POST', '/card-binding')).toHaveLength(0)
  })

  it('puts a 422 from the registry check beside the field it names', async () => {
    fakeApi({ 'POST /card-binding': () => apiError(422, 'CARD_MISMATCH', '社会保障卡号与身份证号码不匹配，请核对卡号', 'cardNumber') })
    await openForm()
    type('name', '张三')
    type('idNumber', ID_NUMBER)
    type('cardNumber', CARD_NUMBER)
    fireEvent.click(screen.getByRole('button', { name: '核验并绑定' }))
    await waitFor(() => expect(within(field('cardNumber')).getByRole('alert').textContent).toContain('不匹配'))
    // Nothing typed is lost.
    expect((within(field('idNumber')).getByRole('textbox') as HTMLInputElement).value).toBe(ID_NUMBER)
  })

  it('explains a 429 (too many attempts) and suggests the window', async () => {
    fakeApi({ 'POST /card-binding': () => apiError(429, 'TOO_MANY_ATTEMPTS', '核验次数过多，请24小时后再试。') })
    await openForm()
    type('name', '张三')
    type('idNumber', ID_NUMBER)
    type('cardNumber', CARD_NUMBER)
    fireEvent.click(screen.getByRole('button', { name: '核验并绑定' }))
    const notice = await screen.findByText(/核验次数过多/)
    expect(notice.textContent).toContain('人才服务窗口')
  })

  it('shows the binding masked and keeps no unmasked number on the device', async () => {
    const api = fakeApi({ 'POST /card-binding': () => json(200, { binding: bound }) })
    await openForm()
    type('name', '张三')
    type('idNumber', ID_NUMBER.toLowerCase())
    type('cardNumber', CARD_NUMBER)
    fireEvent.click(screen.getByRole('button', { name: '核验并绑定' }))
    await screen.findByText(/社会保障卡已绑定/)
    // The request carried consent and the number core normalised.
    expect(api.calls('POST', '/card-binding')[0]?.data).toEqual({ consent: true, name: '张三', idNumber: ID_NUMBER, cardNumber: CARD_NUMBER })
    const summary = screen.getByTestId('binding-summary').textContent ?? ''
    expect(summary).toContain(bound.idNumberMasked)
    expect(summary).not.toContain(ID_NUMBER)
    expect(screen.getByText(/金融账户未激活/)).toBeTruthy()
    expect(useDraftStore.getState().binding?.birthDate).toBe('1998-03-15')
    const stored = JSON.stringify([...storage.values()])
    expect(stored).not.toContain(ID_NUMBER)
    expect(stored).not.toContain(CARD_NUMBER)
  })

  it('a double tap sends one registry check', async () => {
    let release!: () => void
    const answered = new Promise<void>((resolve) => {
      release = resolve
    })
    const api = fakeApi({
      'POST /card-binding': async () => {
        await answered
        return json(200, { binding: bound })
      },
    })
    await openForm()
    type('name', '张三')
    type('idNumber', ID_NUMBER)
    type('cardNumber', CARD_NUMBER)
    const submit = screen.getByRole('button', { name: '核验并绑定' })
    fireEvent.click(submit)
    fireEvent.click(submit)
    await waitFor(() => expect(api.calls('POST', '/card-binding')).toHaveLength(1))
    release()
    await screen.findByText(/社会保障卡已绑定/)
    expect(api.calls('POST', '/card-binding')).toHaveLength(1)
  })

  it('puts each of a 422’s field errors beside its field, whatever path the server names it by', async () => {
    fakeApi({
      'POST /card-binding': () =>
        json(422, {
          error: {
            code: 'VALIDATION',
            message: '请核对标出的项目。',
            errors: [
              { field: 'binding.name', code: 'NAME_MISMATCH', message: '姓名与登记信息不一致' },
              { field: 'toString', code: 'X', message: '不属于任何一栏' },
            ],
          },
        }),
    })
    await openForm()
    type('name', '张三')
    type('idNumber', ID_NUMBER)
    type('cardNumber', CARD_NUMBER)
    fireEvent.click(screen.getByRole('button', { name: '核验并绑定' }))
    await waitFor(() => expect(within(field('name')).getByRole('alert').textContent).toContain('姓名与登记信息不一致'))
    expect(screen.getByText(/请核对标出的项目/)).toBeTruthy()
    expect(screen.queryByText(/不属于任何一栏/)).toBeNull()
  })

  it('reports a network failure without losing the entries', async () => {
    fakeApi({ 'POST /card-binding': () => 'network-error' })
    await openForm()
    type('name', '张三')
    type('idNumber', ID_NUMBER)
    type('cardNumber', CARD_NUMBER)
    fireEvent.click(screen.getByRole('button', { name: '核验并绑定' }))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    expect((within(field('cardNumber')).getByRole('textbox') as HTMLInputElement).value).toBe(CARD_NUMBER)
  })
})
