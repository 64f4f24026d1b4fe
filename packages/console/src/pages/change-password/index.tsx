/**
 * 账号安全: change the password (required first for a new or reset account) and enrol a TOTP
 * second factor (required in production). The otpauth URL and the secret are shown as text, to
 * type or paste into an authenticator app.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { passwordProblem, STAFF_SECURITY } from '@zhihui/core'
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { isApiError, safeNext } from '../../api/client'
import { changePassword, confirmTotp, startTotp, type TotpEnrolment } from '../../api/session'
import { PageTitle } from '../../components/page-title'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'

interface PasswordValues {
  current: string
  next: string
  confirm: string
}

export default function ChangePasswordPage() {
  const staff = useStaff()
  return (
    <>
      <PageTitle>账号安全</PageTitle>
      {staff.mustChangePassword ? (
        <Alert
          type="warning"
          showIcon
          title="首次登录或密码已被管理员重置：请先设置您自己的密码，之后才能使用其他功能。"
          style={{ marginBottom: 16, maxWidth: 720 }}
        />
      ) : null}
      <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
        <PasswordCard />
        <TotpCard />
      </Space>
    </>
  )
}

function PasswordCard() {
  const staff = useStaff()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { message } = AntApp.useApp()
  const [form] = Form.useForm<PasswordValues>()
  const mutation = useMutation({
    mutationFn: (values: PasswordValues) => changePassword({ current: values.current, next: values.next }),
    onSuccess: ({ staff: updated }) => {
      queryClient.setQueryData(queryKeys.session, updated)
      form.resetFields()
      void message.success('密码已修改。')
      const next = params.get('next')
      if (next !== null) void navigate(safeNext(next), { replace: true })
    },
    onError: (error) => {
      if (isApiError(error) && error.field !== undefined && ['current', 'next'].includes(error.field)) {
        form.setFields([{ name: error.field as 'current' | 'next', errors: [error.message] }])
      } else {
        void message.error(isApiError(error) ? error.message : '修改失败，请稍后重试。')
      }
    },
  })
  return (
    <Card title={<h2 className="section-title">修改密码</h2>}>
      <Form<PasswordValues> form={form} name="change-password" layout="vertical" onFinish={(values) => mutation.mutate(values)} style={{ maxWidth: 420 }}>
        <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码（首次登录时为管理员给您的临时密码）' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="next"
          extra={`至少 ${STAFF_SECURITY.minPasswordLength} 个字符，包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名。`}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve()
                const problem = passwordProblem(value, { username: staff.username })
                return problem === null ? Promise.resolve() : Promise.reject(new Error(problem))
              },
            },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value && value === getFieldValue('current') ? Promise.reject(new Error('新密码不能与当前密码相同。')) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致。')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  )
}

function TotpCard() {
  const staff = useStaff()
  const queryClient = useQueryClient()
  const { message } = AntApp.useApp()
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null)
  const [form] = Form.useForm<{ code: string }>()
  const start = useMutation({
    mutationFn: startTotp,
    onSuccess: setEnrolment,
    onError: (error) => void message.error(isApiError(error) ? error.message : '生成密钥失败，请稍后重试。'),
  })
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotp(code),
    onSuccess: ({ staff: updated }) => {
      queryClient.setQueryData(queryKeys.session, updated)
      setEnrolment(null)
      form.resetFields()
      void message.success('动态验证码已启用，以后登录时需要输入。')
    },
    onError: (error) => {
      if (isApiError(error) && error.field === 'code') form.setFields([{ name: 'code', errors: [error.message] }])
      else void message.error(isApiError(error) ? error.message : '验证失败，请稍后重试。')
    },
  })

  const title = <h2 className="section-title">动态验证码（TOTP 双重验证）</h2>
  if (staff.mustChangePassword) {
    return (
      <Card title={title}>
        <Typography.Paragraph>修改密码后，可在此绑定动态验证码。</Typography.Paragraph>
      </Card>
    )
  }
  return (
    <Card
      title={title}
      extra={staff.totpEnrolled ? <Tag style={{ color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' }}>已启用</Tag> : <Tag>未启用</Tag>}
    >
      <Typography.Paragraph>
        登录时除密码外还需输入验证器应用（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）中显示的 6 位数字。生产环境中每个工作人员账号都必须启用。
      </Typography.Paragraph>
      {enrolment === null ? (
        <Button type={staff.totpEnrolled ? 'default' : 'primary'} loading={start.isPending} onClick={() => start.mutate()}>
          {staff.totpEnrolled ? '更换验证器' : '开始绑定'}
        </Button>
      ) : (
        <>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="密钥（手动添加时输入）">
              <Typography.Text code copyable={{ text: enrolment.secret, tooltips: ['复制密钥', '已复制'] }}>
                {enrolment.secret}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="otpauth 地址">
              <Typography.Text copyable={{ text: enrolment.otpauthUrl, tooltips: ['复制地址', '已复制'] }} style={{ wordBreak: 'break-all' }}>
                {enrolment.otpauthUrl}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Form<{ code: string }> form={form} name="totp" layout="inline" onFinish={(values) => confirm.mutate(values.code.trim())}>
            <Form.Item
              label="验证器中的 6 位数字"
              name="code"
              rules={[
                { required: true, message: '请输入验证器中显示的 6 位数字' },
                { pattern: /^\s*\d{6}\s*$/, message: '验证码为 6 位数字' },
              ]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                确认绑定
              </Button>
            </Form.Item>
            <Form.Item>
              <Button onClick={() => setEnrolment(null)}>取消</Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Card>
  )
}
