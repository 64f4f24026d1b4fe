import { Switch, Text, View } from '@tarojs/components'
import { usePreferencesStore } from '@/stores/preferences'
import './index.scss'

/** Larger text and buttons on every page; remembered on this device. */
export function ElderlyToggle() {
  const elderly = usePreferencesStore((s) => s.elderly)
  const setElderly = usePreferencesStore((s) => s.setElderly)
  return (
    <View className='elderly-toggle'>
      <View className='elderly-toggle__text'>
        <Text className='elderly-toggle__title'>长辈模式（大字）</Text>
        <Text className='muted'>{elderly ? '已开启：文字和按钮更大' : '未开启'}</Text>
      </View>
      <Switch
        id='switch-elderly'
        checked={elderly}
        color='#1a5fb4'
        ariaLabel='长辈模式'
        onChange={(e) => setElderly(Boolean(e.detail.value))}
      />
    </View>
  )
}
