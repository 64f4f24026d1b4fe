/**
 * 登录. Username and password (and the TOTP code once the account has a second factor, which the
 * server asks for with TOTP_REQUIRED). After signing in the user goes back to the page they were
 * sent from (`?next=`), or first to /password when the account must choose its own password.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { StaffIdentity } from '@zhihui/core'
import { Alert, Button, Form, Input } from 'antd'
import { useEffect, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { isApiError, PASSWORD_PATH, safeNext } from '../../api/client'
import { getSession, signIn, type SignInBody } from '../../api/session'
import { queryKeys } from '../../query-client'

export interface SignInValues {
  username: string
  password: string
  totp?: string
}

/** Where a signed-in account goes: its own password first when it must change it. */
export function afterSignIn(staff: Pick<StaffIdentity, 'mustChangePassword'>, next: string): string {
  if (!staff.mustChangePassword) return next
  return next === '/' ? PASSWORD_PATH : `${PASSWORD_PATH}?${new URLSearchParams({ next }).toString()}`
}

const FIELDS = new Set(['username', 'password', 'totp'])

export default function SignInPage() {
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const expired = params.get('reason') === 'expired'
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<SignInValues>()
  const [needTotp, setNeedTotp] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  // The server's word on the TOTP code; shown once its field is on the page.
  const [totpError, setTotpError] = useState<string | null>(null)
  useEffect(() => {
    if (needTotp && totpError !== null) {
      form.setFields([{ name: 'totp', errors: [totpError] }])
      setTotpError(null)
    }
  }, [needTotp, totpError, form])

  useEffect(() => {
    document.title = '登录 · 智汇郑州平台后台管理系统'
  }, [])

  // Already signed in (another tab, or the back button): go straight on.
  const existing = useQuery({ queryKey: [...queryKeys.session, 'quiet'], queryFn: () => getSession({ quiet: true }), retry: false, staleTime: 0 })
  useEffect(() => {
    if (existing.data) void navigate(afterSignIn(existing.data, next), { replace: true })
  }, [existing.data, navigate, next])

  const mutation = useMutation({
    mutationFn: (body: SignInBody) => signIn(body),
    onSuccess: ({ staff }) => {
      // Nothing another account left in the cache may show.
      queryClient.clear()
      queryClient.setQueryData(queryKeys.session, staff)
      void navigate(afterSignIn(staff, next), { replace: true })
    },
    onError: (error) => {
      if (!isApiError(error)) {
        setProblem('登录失败，请稍后重试。')
        return
      }
      if (error.code === 'TOTP_REQUIRED' || error.code === 'TOTP_INVALID') {
        setNeedTotp(true)
        setProblem(null)
        setTotpError(error.message)
        return
      }
      if (error.status === 422 && error.field !== undefined && FIELDS.has(error.field)) {
        setProblem(null)
        form.setFields([{ name: error.field as keyof SignInValues, errors: [error.message] }])
        return
      }
      setProblem(error.message)
    },
  })

  const submit = (values: SignInValues) => {
    setProblem(null)
    const totp = values.totp?.trim()
    mutation.mutate({ username: values.username.trim(), password: values.password, ...(needTotp && totp ? { totp } : {}) })
  }

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      {/* A plain box rather than antd's Card: this page is the first load, and Card costs ~15 KB. */}
      <div style={{ width: 400, padding: 32, background: '#fff', borderRadius: 8, boxShadow: '0 1px 2px rgba(0,0,0,0.06), 0 1px 6px rgba(0,0,0,0.08)' }}>
        <h1 style={{ fontSize: 22, margin: '0 0 4px', textAlign: 'center' }}>智汇郑州 · 平台后台管理系统</h1>
        <p style={{ textAlign: 'center', margin: '0 0 24px', color: 'rgba(0,0,0,0.68)' }}>工作人员登录</p>
        {expired ? <Alert type="warning" showIcon title="登录已失效（超过 30 分钟未操作或已满 8 小时），请重新登录。" style={{ marginBottom: 16 }} /> : null}
        {problem ? <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form<SignInValues> form={form} name="sign-in" layout="vertical" requiredMark={false} onFinish={submit} disabled={mutation.isPending}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          {needTotp ? (
            <Form.Item
              label="动态验证码"
              name="totp"
              extra="打开验证器应用，输入当前显示的 6 位数字。"
              rules={[
                { required: true, message: '请输入 6 位动态验证码' },
                { pattern: /^\s*\d{6}\s*$/, message: '动态验证码为 6 位数字' },
              ]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
          ) : null}
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
              登录
            </Button>
          </Form.Item>
        </Form>
      </div>
    </main>
  )
}
