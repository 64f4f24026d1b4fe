import { Text } from '@tarojs/components'
import { DISTRICTS, housingSubsidyOffice, STATUS_LABELS, type District } from '@zhihui/core'
import { useState } from 'react'
import { AppButton } from '@/components/AppButton'
import { Notice } from '@/components/Notice'
import { OfficeCard } from '@/components/OfficeCard'
import { PageShell } from '@/components/PageShell'
import { PickerField } from '@/components/PickerField'
import { Section } from '@/components/Section'
import { useApplyEntry } from '@/hooks/use-apply-entry'
import { useDraftStore } from '@/stores/draft'

const DISTRICT_OPTIONS = DISTRICTS.map((d) => ({ value: d, label: d }))

export default function HousingPage() {
  const [district, setDistrict] = useState<District | ''>('')
  const status = useDraftStore((s) => s.status)
  const entry = useApplyEntry()
  const applied = status !== undefined && status !== 'draft' && status !== 'withdrawn'
  const office = district ? housingSubsidyOffice(district) : undefined

  return (
    <PageShell>
      <Notice title='申请条件'>
        <Text className='block'>购房补贴只面向已申请青年人才生活补贴、并符合购房补贴发放条件的青年人才。</Text>
      </Notice>
      {applied && status ? (
        <Notice tone='success' title={`您已申请生活补贴（${STATUS_LABELS[status]}），可按以下指引申请购房补贴。`} />
      ) : (
        <Notice tone='warning' title='您还没有提交生活补贴申请'>
          <Text className='block'>请先申请生活补贴，再申请购房补贴。</Text>
          <AppButton variant='secondary' onClick={entry.open}>
            先申请生活补贴
          </AppButton>
        </Notice>
      )}
      <Section title='在哪里办理' description='按所购住房所在的区县（市）选择。'>
        <PickerField<District>
          label='住房所在区县（市）'
          name='housing-district'
          options={DISTRICT_OPTIONS}
          value={district}
          onChange={setDistrict}
        />
      </Section>
      {office ? (
        <Section title='办理地点'>
          <OfficeCard
            title={office.name}
            district={district || undefined}
            addresses={office.address ? [office.address] : []}
            phones={office.phone ? [office.phone] : []}
            windows={office.windows}
          />
          {!office.address ? (
            <Text className='muted block'>通知未列出该办事大厅的地址和电话，可拨打投诉监督电话或到就近人才服务窗口咨询。</Text>
          ) : null}
        </Section>
      ) : (
        <Text className='muted block'>选择区县后显示办理地点。</Text>
      )}
    </PageShell>
  )
}
