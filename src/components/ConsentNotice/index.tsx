import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/class-names'
import './index.scss'

/** What one service collects, in the words shown before anything is collected. */
export interface ConsentText {
  /** "为办理……，我们需要收集以下信息：" */
  purpose: string
  /** One line a kind of information: what it is and what it is used for. */
  items: readonly string[]
  /** The sensitive information, who sees it, and how to refuse. */
  sensitive: string
  /** The words beside the tick box. */
  agreement: string
}

interface Props {
  text: ConsentText
  /** The tick box's element id (tests and the e2e journeys find it by id). */
  tickId: string
  checked: boolean
  onToggle: (checked: boolean) => void
  /** The platform privacy policy still to be agreed to, if the platform names one. */
  platformPolicy?: string
  onOpenPlatformPolicy?: () => void
}

/**
 * What is collected and why, before anything is collected (PIPL art. 29/30: separate consent to
 * sensitive personal information, with its purpose and necessity stated). One component for the
 * subsidy's card binding and the talent services' verification: only the words differ.
 */
export function ConsentNotice({ text, tickId, checked, onToggle, platformPolicy, onOpenPlatformPolicy }: Props) {
  return (
    <View className='consent'>
      <Text className='consent__title'>个人信息收集说明</Text>
      <Text className='consent__p'>{text.purpose}</Text>
      {text.items.map((item) => (
        <Text key={item} className='consent__li'>
          • {item}
        </Text>
      ))}
      <Text className='consent__p'>{text.sensitive}</Text>
      {platformPolicy && onOpenPlatformPolicy ? (
        <Text className='consent__link' onClick={onOpenPlatformPolicy}>
          查看{platformPolicy}
        </Text>
      ) : null}
      <View
        className={cx('consent__tick', checked && 'consent__tick--checked')}
        role='checkbox'
        aria-checked={checked}
        id={tickId}
        onClick={() => onToggle(!checked)}
      >
        <Text className='consent__box'>{checked ? '☑' : '☐'}</Text>
        <Text>{text.agreement}</Text>
      </View>
    </View>
  )
}
