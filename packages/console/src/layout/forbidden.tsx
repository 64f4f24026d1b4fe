import { STAFF_ROLES, type StaffIdentity } from '@zhihui/core'
import { Button, Result } from 'antd'
import { Link } from 'react-router-dom'

/** A page the account's roles may not open: the server would refuse its data too. */
export function Forbidden({ staff, page, home }: { staff: StaffIdentity; page: string; home: string | null }) {
  const roles = staff.roles.map((role) => STAFF_ROLES[role].label).join('、')
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>403 无权访问</h1>}
      subTitle={`您的账号（${roles}）不能打开“${page}”。如需此权限，请联系管理员。`}
      extra={
        home ? (
          <Link to={home}>
            <Button type="primary">返回首页</Button>
          </Link>
        ) : null
      }
    />
  )
}
