/** The sign-in page (packages/console/src/pages/sign-in). */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import SignInPage, { afterSignIn } from '../../packages/console/src/pages/sign-in'
import { fakeApi, staffIdentity } from './support/fake-api'
import { button, renderRoutes, Where } from './support/render'

const NOT_SIGNED_IN = { status: 401, body: { error: { code: 'UNAUTHORIZED', message: '请先登录。' } } }

function open(at = '/sign-in?next=%2Fapplications%3Fstatus%3Dsubmitted') {
  return renderRoutes(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '*', element: <Where /> },
    ],
    at,
  )
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const submit = () => fireEvent.click(button(/^登\s?录$/))

describe('the sign-in page', () => {
  it('asks for a username and a password before sending anything', async () => {
    const api = fakeApi().on('GET /session', NOT_SIGNED_IN)
    open()
    submit()
    expect(await screen.findByText('请输入用户名')).toBeTruthy()
    expect(screen.getByText('请输入密码')).toBeTruthy()
    expect(api.callsTo('POST /session')).toHaveLength(0)
  })

  it('signs in and returns to the page the user came from', async () => {
    const api = fakeApi()
      .on('GET /session', NOT_SIGNED_IN)
      .on('POST /session', { status: 200, body: { staff: staffIdentity() } })
    const { router } = open()
    type('用户名', ' Reviewer ')
    type('密码', 'zhihui-dev-2026')
    submit()
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications'))
    expect(router.state.location.search).toBe('?status=submitted')
    const call = api.callsTo('POST /session')[0]
    expect(call?.body).toEqual({ username: 'Reviewer', password: 'zhihui-dev-2026' })
    expect(call?.headers['x-requested-with']).toBe('zhihui-console')
  })

  it('shows a wrong password and keeps the username', async () => {
    fakeApi()
      .on('GET /session', NOT_SIGNED_IN)
      .on('POST /session', { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟。' } } })
    const { router } = open()
    type('用户名', 'reviewer')
    type('密码', 'wrong')
    submit()
    expect(await screen.findByText('用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟。')).toBeTruthy()
    expect((screen.getByLabelText('用户名') as HTMLInputElement).value).toBe('reviewer')
    expect(router.state.location.pathname).toBe('/sign-in')
  })

  it('asks for the TOTP code when the account has one, then sends it', async () => {
    let attempts = 0
    const api = fakeApi()
      .on('GET /session', NOT_SIGNED_IN)
      .on('POST /session', () =>
        ++attempts === 1
          ? { status: 401, body: { error: { code: 'TOTP_REQUIRED', message: '请输入验证器中的 6 位动态验证码。', field: 'totp' } } }
          : { status: 200, body: { staff: staffIdentity({ totpEnrolled: true }) } },
      )
    const { router } = open('/sign-in')
    type('用户名', 'reviewer')
    type('密码', 'zhihui-dev-2026')
    submit()
    expect(await screen.findByText('请输入验证器中的 6 位动态验证码。')).toBeTruthy()
    type('动态验证码', '12345')
    submit()
    expect(await screen.findByText('动态验证码为 6 位数字')).toBeTruthy()
    type('动态验证码', '123456')
    submit()
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(api.callsTo('POST /session')[1]?.body).toEqual({ username: 'reviewer', password: 'zhihui-dev-2026', totp: '123456' })
  })

  it('sends an account that must change its password to /password, keeping where it was going', async () => {
    fakeApi()
      .on('GET /session', NOT_SIGNED_IN)
      .on('POST /session', { status: 200, body: { staff: staffIdentity({ mustChangePassword: true }) } })
    const { router } = open()
    type('用户名', 'reviewer')
    type('密码', 'Tmp-password-1')
    submit()
    await waitFor(() => expect(router.state.location.pathname).toBe('/password'))
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/applications?status=submitted')
    expect(afterSignIn({ mustChangePassword: true }, '/')).toBe('/password')
  })

  it('tells a user whose session ran out why they are here', async () => {
    fakeApi().on('GET /session', NOT_SIGNED_IN)
    open('/sign-in?reason=expired')
    expect(await screen.findByText(/登录已失效/)).toBeTruthy()
  })

  it('ignores a next that would leave the console', async () => {
    fakeApi()
      .on('GET /session', NOT_SIGNED_IN)
      .on('POST /session', { status: 200, body: { staff: staffIdentity() } })
    const { router } = open('/sign-in?next=%2F%2Fevil.example%2F')
    type('用户名', 'reviewer')
    type('密码', 'zhihui-dev-2026')
    submit()
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })
})
