import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { usePreferencesStore } from '@/stores/preferences'
import { cx } from '@/utils/class-names'
import { TitleBar } from '@/platform'
import { PrivacyPrompt } from '../PrivacyPrompt'

interface Props {
  children: ReactNode
  /** Pages that collect personal data show the platform privacy prompt when asked for it. */
  privacy?: boolean
  className?: string
}

/**
 * The root of every page: the title bar where the platform has none (H5), elderly mode, and the
 * privacy prompt where needed.
 */
export function PageShell({ children, privacy, className }: Props) {
  const elderly = usePreferencesStore((s) => s.elderly)
  return (
    <View className={cx('page', elderly && 'page--elderly', className)}>
      <TitleBar />
      {children}
      {privacy ? <PrivacyPrompt /> : null}
    </View>
  )
}
