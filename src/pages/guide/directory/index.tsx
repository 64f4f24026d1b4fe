import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { DISTRICTS, type District } from '@zhihui/core'
import { useState } from 'react'
import { Notice } from '@/components/Notice'
import { OfficeCard } from '@/components/OfficeCard'
import { PageShell } from '@/components/PageShell'
import { PickerField } from '@/components/PickerField'
import { StateView } from '@/components/StateView'
import { useDirectoryFilter } from '@/hooks/use-directory-filter'
import { useOffices } from '@/hooks/use-offices'
import { cx } from '@/utils/class-names'
import './index.scss'

type Tab = 'windows' | 'branches'

const ALL = '全部区县'
const DISTRICT_OPTIONS = [{ value: ALL, label: ALL }, ...DISTRICTS.map((d) => ({ value: d, label: d }))]

export default function DirectoryPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(params.tab === 'branches' ? 'branches' : 'windows')
  const offices = useOffices()
  const filter = useDirectoryFilter(offices.kind === 'ready' ? offices.data : undefined)

  const list =
    tab === 'windows'
      ? filter.result.talentWindows.map((w) => (
          <OfficeCard key={w.unit} title={`${w.unit}人才服务窗口`} district={w.district} addresses={[w.address]} phones={[w.phone]} windows={w.windows} />
        ))
      : filter.result.socialInsuranceBranches.map((b) => (
          <OfficeCard key={b.name} title={b.name} district={b.district} addresses={b.addresses} phones={b.phones} />
        ))

  return (
    <PageShell>
      <View className='tabs' role='tablist'>
        {(
          [
            ['windows', '人才服务窗口'],
            ['branches', '社保分局办事大厅'],
          ] as const
        ).map(([key, label]) => (
          <View
            key={key}
            id={`tab-${key}`}
            role='tab'
            aria-selected={tab === key}
            className={cx('tabs__tab', tab === key && 'tabs__tab--active')}
            onClick={() => setTab(key)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      <Text className='muted block directory__intro'>
        {tab === 'windows'
          ? '可就近选择任一人才服务窗口申请生活补贴；海外归国留学人员和技工院校全日制预备技师（技师）请到窗口办理。'
          : '参保单位新增人员可到各分局办事大厅办理社保；居民保险新参保人员到户籍地所属社区、村委会办理。'}
      </Text>

      <View className='directory__filters'>
        <PickerField
          label='所在区县（市）'
          name='directory-district'
          options={DISTRICT_OPTIONS}
          value={filter.district || ALL}
          onChange={(v) => filter.setDistrict(v === ALL ? '' : (v as District))}
        />
        <View className='directory__search'>
          <Input
            id='directory-search'
            className='field__input'
            value={filter.query}
            placeholder='搜索名称或地址，如“政务服务中心”'
            placeholderClass='field__placeholder'
            ariaLabel='搜索名称或地址'
            onInput={(e) => filter.setQuery(e.detail.value)}
          />
        </View>
      </View>

      {offices.kind === 'loading' ? (
        <StateView kind='loading' title='正在加载办事地点…' />
      ) : (
        <>
          {offices.source === 'bundled' ? (
            <Notice tone='warning' title='网络不可用，显示的是内置的办事地点信息，可能不是最新。' />
          ) : null}
          <Text className='muted block directory__count'>共{list.length}个</Text>
          {list.length > 0 ? (
            list
          ) : (
            <StateView
              kind='empty'
              title='没有找到符合条件的地点'
              description='换个区县或关键词试试。'
              action={{
                label: '清除筛选',
                onClick: () => {
                  filter.setDistrict('')
                  filter.setQuery('')
                },
              }}
            />
          )}
        </>
      )}
    </PageShell>
  )
}
