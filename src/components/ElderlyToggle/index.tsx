import { Text, View } from '@tarojs/components'
import { usePreferencesStore } from '@/stores/preferences'
import { AppButton } from '../AppButton'
import './index.scss'

/**
 * Larger text and buttons on every page; remembered on this device. A full-width button rather
 * than the platform switch: the switch is smaller than the 60 dp tap target the elderly-friendly
 * guidance asks for, and the people who need this mode are the ones who would miss it.
 */
export function ElderlyToggle() {
  const elderly = usePreferencesStore((s) => s.elderly)
  const setElderly = usePreferencesStore((s) => s.setElderly)
  return (
    <View className='elderly-toggle'>
      <View className='elderly-toggle__text'>
        <Text className='elderly-toggle__title'>长辈模式（大字）</Text>
        <Text className='muted'>{elderly ? '已开启：文字和按钮更大' : '未开启'}</Text>
      </View>
      <AppButton id='switch-elderly' variant='secondary' onClick={() => setElderly(!elderly)}>
        {elderly ? '关闭长辈模式' : '开启长辈模式'}
      </AppButton>
    </View>
  )
}
