/**
 * The account form (packages/console/src/pages/accounts): what must be filled before anything is
 * sent, in Chinese; a server refusal shown on its field with nothing typed lost; the one-time
 * password shown once with a copy button.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { StaffAccountView } from '@zhihui/core'
import { Form } from 'antd'
import AccountsPage from '../../packages/console/src/pages/accounts'
import { AccountForm } from '../../packages/console/src/pages/accounts/account-form'
import { accountPatchBody, accountProblems, newAccountBody, scopesNeeded, type AccountFormValues } from '../../packages/console/src/pages/accounts/account-rules'
import { fakeApi, staffIdentity } from './support/fake-api'
import { button, renderPage } from './support/render'

describe('accountProblems', () => {
  const valid: AccountFormValues = { username: 'reviewer-zhang', name: '张伟', roles: ['reviewer'] }

  it('accepts a complete account', () => {
    expect(accountProblems(valid, 'create')).toEqual({})
  })

  it('asks for a username of the server’s form, a name and a role', () => {
    expect(accountProblems({}, 'create')).toEqual({ username: '请填写用户名', name: '请填写工作人员姓名', roles: '请至少选择一个角色' })
    expect(accountProblems({ ...valid, username: '9zhang' }, 'create').username).toMatch(/^用户名为 3 至 32 位小写字母/)
    expect(accountProblems({ ...valid, username: 'Zhang' }, 'create').username).toBeDefined()
    expect(accountProblems({ ...valid, name: '张' }, 'create').name).toBe('姓名为 2 至 20 个字')
    // Editing: the username is fixed and not checked.
    expect(accountProblems({ name: '张伟', roles: ['admin'] }, 'edit')).toEqual({})
  })

  it('requires a district for a window clerk and a bureau for service staff and bureau accounts', () => {
    expect(accountProblems({ ...valid, roles: ['window-clerk'] }, 'create')).toEqual({ district: '窗口经办须选择所在区县' })
    expect(accountProblems({ ...valid, roles: ['window-clerk'], district: '金水区' }, 'create')).toEqual({})
    expect(accountProblems({ ...valid, roles: ['service-staff', 'bureau'] }, 'create')).toEqual({ bureau: '服务人员、业务局委须选择所属局委' })
    expect(accountProblems({ ...valid, roles: ['bureau'], bureau: '人社局' }, 'create')).toEqual({})
    // A district typed by hand that is not Zhengzhou's is refused too.
    expect(accountProblems({ ...valid, roles: ['window-clerk'], district: '海淀区' as never }, 'create').district).toBeDefined()
  })

  it('sends a district or bureau only where a role needs it', () => {
    expect(scopesNeeded(['reviewer', 'window-clerk'])).toEqual({ district: true, bureau: false })
    expect(newAccountBody({ username: ' Reviewer-Zhang ', name: ' 张伟 ', roles: ['reviewer'], district: '金水区', bureau: '人社局' })).toEqual({
      username: 'reviewer-zhang',
      name: '张伟',
      roles: ['reviewer'],
    })
    expect(accountPatchBody({ name: '王芳', roles: ['window-clerk'], district: '金水区', bureau: '人社局' })).toEqual({
      name: '王芳',
      roles: ['window-clerk'],
      district: '金水区',
    })
  })
})

function FormHarness({ onSubmit, initialValues }: { onSubmit: (v: AccountFormValues) => void; initialValues?: AccountFormValues }) {
  const [form] = Form.useForm<AccountFormValues>()
  return <AccountForm form={form} mode="create" onSubmit={onSubmit} initialValues={initialValues} />
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('the account form', () => {
  it('says what to fix and sends nothing while the form is incomplete', async () => {
    const onSubmit = jest.fn()
    renderPage(<FormHarness onSubmit={onSubmit} />, { staff: staffIdentity({ roles: ['admin'] }) })
    fireEvent.click(button(/创建账号/))
    expect(await screen.findByText('请填写用户名')).toBeTruthy()
    expect(screen.getByText('请填写工作人员姓名')).toBeTruthy()
    expect(screen.getByText('请至少选择一个角色')).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('asks a window clerk’s district once that role is ticked', async () => {
    const onSubmit = jest.fn()
    renderPage(<FormHarness onSubmit={onSubmit} />, { staff: staffIdentity({ roles: ['admin'] }) })
    type('用户名', 'clerk-erqi')
    type('姓名', '王芳')
    expect(screen.queryByLabelText('所在区县')).toBeNull()
    fireEvent.click(screen.getByLabelText(/窗口经办/))
    expect(await screen.findByLabelText('所在区县')).toBeTruthy()
    fireEvent.click(button(/创建账号/))
    expect(await screen.findByText('窗口经办须选择所在区县')).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('sends a complete form', async () => {
    const onSubmit = jest.fn()
    renderPage(<FormHarness onSubmit={onSubmit} initialValues={{ roles: ['window-clerk'], district: '二七区' }} />, {
      staff: staffIdentity({ roles: ['admin'] }),
    })
    type('用户名', 'clerk-erqi')
    type('姓名', '王芳')
    fireEvent.click(button(/创建账号/))
    await waitFor(() => expect(onSubmit).toHaveBeenCalled())
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ username: 'clerk-erqi', name: '王芳', roles: ['window-clerk'], district: '二七区' })
  })
})

const account = (over: Partial<StaffAccountView> = {}): StaffAccountView => ({
  username: 'reviewer',
  name: '审核员李静',
  roles: ['reviewer'],
  district: null,
  bureau: null,
  disabled: false,
  mustChangePassword: false,
  totpEnrolled: false,
  lastSignInAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('the accounts page', () => {
  const admin = staffIdentity({ username: 'admin', name: '管理员', roles: ['admin'] })

  it('shows a taken username on the username field and keeps what was typed', async () => {
    const api = fakeApi()
      .on('GET /accounts', { status: 200, body: { items: [account()] } })
      .on('POST /accounts', { status: 409, body: { error: { code: 'USERNAME_TAKEN', message: '用户名 reviewer 已被使用，请换一个。' } } })
    renderPage(<AccountsPage />, { staff: admin })
    expect(await screen.findByText('审核员李静')).toBeTruthy()
    fireEvent.click(button(/新建账号/))
    const dialog = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-modal')
      if (found === null) throw new Error('no dialog')
      return found
    })
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'reviewer' } })
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '张伟' } })
    fireEvent.click(within(dialog).getByLabelText(/审核员/))
    fireEvent.click(button(/创建账号/, dialog))
    expect(await within(dialog).findByText('用户名 reviewer 已被使用，请换一个。')).toBeTruthy()
    expect(api.callsTo('POST /accounts')[0]?.body).toEqual({ username: 'reviewer', name: '张伟', roles: ['reviewer'] })
    expect((within(dialog).getByLabelText('用户名') as HTMLInputElement).value).toBe('reviewer')
    expect((within(dialog).getByLabelText('姓名') as HTMLInputElement).value).toBe('张伟')
  })

  it('shows the one-time password once, with a copy button', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined)
    Object.assign(navigator, { clipboard: { writeText } })
    fakeApi()
      .on('GET /accounts', { status: 200, body: { items: [account()] } })
      .on('POST /accounts/reviewer/reset', { status: 200, body: { account: account({ mustChangePassword: true }), temporaryPassword: 'Tmp-7kQ2-x9Pw-4Lm' } })
    renderPage(<AccountsPage />, { staff: admin })
    fireEvent.click(await screen.findByLabelText('重置密码：审核员李静'))
    await screen.findByText('重置 审核员李静 的密码？')
    fireEvent.click(button(/^重\s?置$/))
    expect(await screen.findByText('Tmp-7kQ2-x9Pw-4Lm')).toBeTruthy()
    fireEvent.click(button(/复制密码/))
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Tmp-7kQ2-x9Pw-4Lm'))
  })
})
