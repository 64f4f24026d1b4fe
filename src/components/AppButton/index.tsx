import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from '@/utils/class-names'

interface Props {
  children: ReactNode
  onClick?: () => void
  variant?: 'primary' | 'secondary' | 'danger' | 'link'
  disabled?: boolean
  /**
   * Ignores taps while work is in flight; the caller's label says what is happening. (Not the
   * platform spinner: on H5 the button's own spinner node fights React over the children.)
   */
  loading?: boolean
  id?: string
}

export function AppButton({ children, onClick, variant = 'primary', disabled, loading, id }: Props) {
  const inactive = Boolean(disabled || loading)
  return (
    <Button
      id={id}
      className={cx('btn', variant !== 'primary' && `btn--${variant}`, inactive && 'btn--disabled', loading && 'btn--busy')}
      // Left out when false: the H5 button would otherwise carry disabled="false".
      disabled={inactive || undefined}
      aria-busy={loading || undefined}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {children}
    </Button>
  )
}
