import { Alert, Button } from 'antd'
import { isApiError } from '../api/client'

/** A failed load, in words the user can act on, with a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = isApiError(error) ? error.message : '加载失败，请稍后重试。'
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  )
}
