import { Text, View } from '@tarojs/components'
import { AppButton } from '../AppButton'
import './index.scss'

interface Props {
  kind: 'loading' | 'empty' | 'error'
  title: string
  description?: string
  action?: { label: string; onClick: () => void }
}

const MARKS = { loading: '…', empty: 'i', error: '!' } as const

/** What a page shows while it waits, when there is nothing yet, or when loading failed. */
export function StateView({ kind, title, description, action }: Props) {
  return (
    <View className={`state state--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-state={kind}>
      <View className='state__mark' aria-hidden>
        <Text>{MARKS[kind]}</Text>
      </View>
      <Text className='state__title'>{title}</Text>
      {description ? <Text className='state__description'>{description}</Text> : null}
      {action ? (
        <View className='state__action'>
          <AppButton variant={kind === 'error' ? 'secondary' : 'primary'} onClick={action.onClick}>
            {action.label}
          </AppButton>
        </View>
      ) : null}
    </View>
  )
}
