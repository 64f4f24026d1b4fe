import { Text, View } from '@tarojs/components'
import { callPhone, copyText } from '@/platform'
import { AppButton } from '../AppButton'
import './index.scss'

interface Props {
  title: string
  district?: string
  addresses: string[]
  phones: string[]
  windows?: number
}

/** An office of a directory: tap a number to call it, copy an address for the map app. */
export function OfficeCard({ title, district, addresses, phones, windows }: Props) {
  return (
    <View className='office' data-testid='office'>
      <View className='office__head'>
        <Text className='office__title'>{title}</Text>
        {district ? <Text className='office__district'>{district}</Text> : null}
      </View>
      {addresses.map((address) => (
        <View key={address} className='office__line'>
          <Text className='office__text'>地址：{address}</Text>
          <AppButton variant='link' onClick={() => void copyText(address, '地址')}>
            复制地址
          </AppButton>
        </View>
      ))}
      {windows ? <Text className='office__text office__windows'>窗口数量：{windows}个</Text> : null}
      {phones.map((phone) => (
        <View key={phone} className='office__line'>
          <Text className='office__text'>电话：{phone}</Text>
          <AppButton variant='link' onClick={() => void callPhone(phone)}>
            拨打
          </AppButton>
        </View>
      ))}
    </View>
  )
}
