/**
 * 账号管理 (admin): every staff account; create one (its one-time password is shown once),
 * change its name and roles, disable or enable it, reset its password. An admin never sees
 * application data here (design.md).
 */
import { CopyOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { STAFF_ROLES, type AccountWithPassword, type StaffAccountView } from '@zhihui/core'
import { App as AntApp, Button, Form, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { createAccount, resetAccount, updateAccount } from '../../api/accounts'
import { isApiError, type ApiError } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../components/format'
import { PageTitle } from '../../components/page-title'
import { listAccounts } from '../../api/accounts'
import { queryKeys } from '../../query-client'
import { useStaff } from '../../session'
import { AccountForm } from './account-form'
import { ACCOUNT_FIELDS, accountPatchBody, newAccountBody, type AccountField, type AccountFormValues } from './account-rules'

const GREEN = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' }
const RED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' }
const ORANGE = { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' }

type Editing = { mode: 'create' } | { mode: 'edit'; account: StaffAccountView }

/** Puts a refusal on the field it names; answers whether it did. */
function showOnField(form: ReturnType<typeof Form.useForm<AccountFormValues>>[0], error: unknown): boolean {
  if (!isApiError(error)) return false
  const field = error.code === 'USERNAME_TAKEN' ? 'username' : error.field
  if (field === undefined || !ACCOUNT_FIELDS.includes(field as AccountField)) return false
  form.setFields([{ name: field as AccountField, errors: [error.message] }])
  return true
}

export default function AccountsPage() {
  const me = useStaff()
  const queryClient = useQueryClient()
  const { message } = AntApp.useApp()
  const accounts = useQuery({ queryKey: queryKeys.accounts, queryFn: listAccounts })
  const [editing, setEditing] = useState<Editing | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [issued, setIssued] = useState<AccountWithPassword | null>(null)
  const [form] = Form.useForm<AccountFormValues>()

  const invalidate = () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts })
  const refused = (error: unknown) => {
    if (!showOnField(form, error)) setProblem(isApiError(error) ? error.message : '保存失败，请稍后重试。')
  }

  const create = useMutation({
    mutationFn: (values: AccountFormValues) => createAccount(newAccountBody(values)),
    onSuccess: (answer) => {
      void invalidate()
      close()
      setIssued(answer)
    },
    onError: refused,
  })
  const update = useMutation({
    mutationFn: ({ username, values }: { username: string; values: AccountFormValues }) => updateAccount(username, accountPatchBody(values)),
    onSuccess: ({ account }) => {
      void invalidate()
      close()
      void message.success(`已保存 ${account.name}（${account.username}）的账号。`)
    },
    onError: refused,
  })
  const toggle = useMutation({
    mutationFn: (account: StaffAccountView) => updateAccount(account.username, { disabled: !account.disabled }),
    onSuccess: ({ account }) => {
      void invalidate()
      void message.success(`${account.name}（${account.username}）的账号已${account.disabled ? '停用' : '启用'}。`)
    },
    onError: (error: ApiError | Error) => void message.error(isApiError(error) ? error.message : '操作失败，请稍后重试。'),
  })
  const reset = useMutation({
    mutationFn: (account: StaffAccountView) => resetAccount(account.username),
    onSuccess: (answer) => {
      void invalidate()
      setIssued(answer)
    },
    onError: (error: ApiError | Error) => void message.error(isApiError(error) ? error.message : '重置失败，请稍后重试。'),
  })

  function open(next: Editing) {
    setProblem(null)
    form.resetFields()
    if (next.mode === 'edit') {
      const a = next.account
      form.setFieldsValue({ username: a.username, name: a.name, roles: a.roles, district: a.district ?? undefined, bureau: a.bureau ?? undefined })
    }
    setEditing(next)
  }
  function close() {
    setEditing(null)
    setProblem(null)
  }

  const columns: TableColumnsType<StaffAccountView> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'name' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: StaffAccountView['roles']) => roles.map((role) => <Tag key={role}>{STAFF_ROLES[role].label}</Tag>),
    },
    { title: '区县 / 局委', key: 'scope', render: (_v, a) => [a.district, a.bureau].filter(Boolean).join(' · ') || '—' },
    {
      title: '状态',
      key: 'state',
      render: (_v, a) => (
        <Space size={4} wrap>
          {a.disabled ? <Tag style={RED}>已停用</Tag> : <Tag style={GREEN}>正常</Tag>}
          {a.mustChangePassword ? <Tag style={ORANGE}>待改密码</Tag> : null}
          {a.totpEnrolled ? <Tag>已绑定动态验证码</Tag> : null}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastSignInAt', render: (at: string | null) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      render: (_v, a) => {
        const self = a.username === me.username
        return (
          <Space size={4} wrap>
            <Button size="small" onClick={() => open({ mode: 'edit', account: a })} aria-label={`修改：${a.name}`}>
              修改
            </Button>
            <Popconfirm
              title={a.disabled ? `启用 ${a.name} 的账号？` : `停用 ${a.name} 的账号？`}
              description={a.disabled ? undefined : '停用后其登录立即失效。'}
              okText={a.disabled ? '启用' : '停用'}
              cancelText="取消"
              onConfirm={() => toggle.mutate(a)}
              disabled={self}
            >
              <Button size="small" danger={!a.disabled} disabled={self} title={self ? '不能停用自己的账号' : undefined} aria-label={`${a.disabled ? '启用' : '停用'}：${a.name}`}>
                {a.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={`重置 ${a.name} 的密码？`}
              description="将生成新的临时密码并解除动态验证码绑定，其登录立即失效。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => reset.mutate(a)}
            >
              <Button size="small" aria-label={`重置密码：${a.name}`}>
                重置密码
              </Button>
            </Popconfirm>
          </Space>
        )
      },
    },
  ]

  const saving = create.isPending || update.isPending
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'create' })}>
            新建账号
          </Button>
        }
      >
        账号管理
      </PageTitle>
      {accounts.isError ? <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      <Table<StaffAccountView>
        rowKey="username"
        columns={columns}
        dataSource={accounts.data?.items ?? []}
        loading={accounts.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      />
      <Modal
        open={editing !== null}
        title={editing?.mode === 'edit' ? `修改账号：${editing.account.username}` : '新建账号'}
        footer={null}
        onCancel={close}
        width={640}
        forceRender
        destroyOnHidden={false}
      >
        <AccountForm
          form={form}
          mode={editing?.mode ?? 'create'}
          submitting={saving}
          problem={problem}
          onCancel={close}
          onSubmit={(values) => {
            setProblem(null)
            if (editing?.mode === 'edit') update.mutate({ username: editing.account.username, values })
            else create.mutate(values)
          }}
        />
      </Modal>
      <PasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  )
}

/** The one-time password, shown once: the server never shows it again. */
function PasswordModal({ issued, onClose }: { issued: AccountWithPassword | null; onClose: () => void }) {
  const { message } = AntApp.useApp()
  const copy = async () => {
    if (!issued) return
    try {
      await navigator.clipboard.writeText(issued.temporaryPassword)
      void message.success('临时密码已复制。')
    } catch {
      void message.warning('浏览器不允许复制，请手动选中密码复制。')
    }
  }
  return (
    <Modal
      open={issued !== null}
      title="临时密码"
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      {issued ? (
        <>
          <p>
            {issued.account.name}（{issued.account.username}）的临时密码如下。<strong>它只显示这一次</strong>
            ，请当面或通过安全渠道交给本人；首次登录后须修改密码。
          </p>
          <Space>
            <Typography.Text code style={{ fontSize: 18 }}>
              {issued.temporaryPassword}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              复制密码
            </Button>
          </Space>
        </>
      ) : null}
    </Modal>
  )
}
