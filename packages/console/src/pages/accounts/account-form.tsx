/**
 * The account form, for a new account and for changing one (username fixed then). Every rule is
 * accountProblems (account-rules.ts), so what the form says and what the tests check are one.
 * A server refusal naming a field (422, or 409 for a taken username) is shown on that field; the
 * form keeps everything typed.
 */
import { BUREAUS, DISTRICTS, STAFF_ROLE_IDS, STAFF_ROLES } from '@zhihui/core'
import { Alert, Button, Checkbox, Form, Input, Select, Space, type FormInstance, type FormRule } from 'antd'
import { accountProblems, scopesNeeded, type AccountField, type AccountFormValues } from './account-rules'

export interface AccountFormProps {
  form: FormInstance<AccountFormValues>
  mode: 'create' | 'edit'
  initialValues?: AccountFormValues
  submitting?: boolean
  /** A refusal that names no field (e.g. an admin removing their own admin role). */
  problem?: string | null
  onSubmit: (values: AccountFormValues) => void
  onCancel?: () => void
}

function rule(field: AccountField, mode: 'create' | 'edit'): FormRule {
  return ({ getFieldsValue }) => ({
    validator: () => {
      const problem = accountProblems(getFieldsValue(true) as AccountFormValues, mode)[field]
      return problem === undefined ? Promise.resolve() : Promise.reject(new Error(problem))
    },
  })
}

const roleOptions = STAFF_ROLE_IDS.map((role) => ({
  value: role,
  label: (
    <span>
      {STAFF_ROLES[role].label}
      <span style={{ color: 'rgba(0,0,0,0.62)', marginLeft: 8, fontSize: 12 }}>{STAFF_ROLES[role].may}</span>
    </span>
  ),
}))

export function AccountForm({ form, mode, initialValues, submitting, problem, onSubmit, onCancel }: AccountFormProps) {
  const roles = Form.useWatch('roles', form)
  const needs = scopesNeeded(roles)
  return (
    <Form<AccountFormValues>
      form={form}
      name={mode === 'create' ? 'account-create' : 'account-edit'}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      requiredMark
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label="用户名"
        name="username"
        required={mode === 'create'}
        extra={mode === 'create' ? '登录用，3 至 32 位小写字母、数字或连字符，以字母开头，创建后不能修改' : undefined}
        rules={mode === 'create' ? [rule('username', mode)] : []}
      >
        <Input disabled={mode === 'edit'} autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="name" required rules={[rule('name', mode)]}>
        <Input autoComplete="off" maxLength={20} />
      </Form.Item>
      {/* Not `required`: Ant Design would put aria-required on the checkbox group's <div>, which axe refuses. */}
      <Form.Item label="角色（至少选一个）" name="roles" rules={[rule('roles', mode)]}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={roleOptions} />
      </Form.Item>
      {needs.district ? (
        <Form.Item label="所在区县" name="district" required dependencies={['roles']} rules={[rule('district', mode)]} extra="窗口经办只能受理和查看本区县的申请">
          <Select placeholder="请选择区县" showSearch options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
      ) : null}
      {needs.bureau ? (
        <Form.Item label="所属局委" name="bureau" required dependencies={['roles']} rules={[rule('bureau', mode)]}>
          <Select placeholder="请选择局委" options={BUREAUS.map((b) => ({ value: b, label: b }))} />
        </Form.Item>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {mode === 'create' ? '创建账号' : '保存修改'}
        </Button>
        {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
      </Space>
    </Form>
  )
}
