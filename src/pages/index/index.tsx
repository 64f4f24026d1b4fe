import { Text, View } from '@tarojs/components'
import { COMPLAINT_PHONE, DEFAULT_POLICY, FORM_EDUCATION_OPTIONS, POLICY_VERSIONS, STATUS_LABELS } from '@zhihui/core'
import { AppButton } from '@/components/AppButton'
import { ElderlyToggle } from '@/components/ElderlyToggle'
import { NewsFeed } from '@/components/NewsFeed'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useApplyEntry } from '@/hooks/use-apply-entry'
import { callPhone } from '@/platform'
import { useDraftStore } from '@/stores/draft'
import { formatDate, formatYuan } from '@/utils/format'
import { go, ROUTES } from '@/utils/routes'
import './index.scss'

const policy = POLICY_VERSIONS[DEFAULT_POLICY]

export default function HomePage() {
  const entry = useApplyEntry()
  const applicationNo = useDraftStore((s) => s.applicationNo)
  const status = useDraftStore((s) => s.status)
  const age = policy.ageLimit.master

  return (
    <PageShell className='home'>
      <View className='home__hero'>
        <Text className='home__title'>青年人才生活补贴</Text>
        <Text className='home__subtitle'>“智汇郑州”人才工程 · 常年受理申报</Text>
        <Text className='home__lead'>
          {formatDate(policy.minGraduationDate)}后毕业、在郑州落户，并在郑工作、创业或暂未就业的青年人才，可按月领取生活补贴，发放到本人社会保障卡金融账户。
        </Text>
      </View>

      {applicationNo && status ? (
        <View className='home__status' onClick={() => go(ROUTES.progress)}>
          <Text>
            您的申请（{applicationNo}）当前状态：<Text className='home__status-value'>{STATUS_LABELS[status]}</Text>
          </Text>
          <Text className='home__status-link'>查看进度 ›</Text>
        </View>
      ) : null}

      <View className='home__actions'>
        <AppButton id='entry-apply' onClick={entry.open}>
          {entry.label}
        </AppButton>
        <AppButton id='entry-progress' variant='secondary' onClick={() => go(ROUTES.progress)}>
          我的进度
        </AppButton>
        <AppButton id='entry-self-check' variant='secondary' onClick={() => go(ROUTES.selfCheck)}>
          申请条件自查
        </AppButton>
      </View>

      <Section title='补贴标准'>
        <View className='home__amounts'>
          {FORM_EDUCATION_OPTIONS.map((level) => (
            <View key={level.value} className='home__amount'>
              <Text className='home__amount-label'>{level.label}</Text>
              <Text className='home__amount-value'>{formatYuan(policy.monthlyYuan[level.value])}/月</Text>
            </View>
          ))}
        </View>
        <Text className='muted'>
          最长发放{policy.months}个月；毕业后暂未就业的发放{policy.unemployedMonths}个月。
        </Text>
      </Section>

      <Section title='谁可以申请'>
        <View className='home__list'>
          <Text className='home__item'>• {formatDate(policy.minGraduationDate)}及以后毕业，毕业{policy.applyWithinYears}年内申请</Text>
          <Text className='home__item'>• 在郑州市域内落户（毕业{policy.settleWithinYears}年内）</Text>
          <Text className='home__item'>• 在郑州工作、在郑州自主创业，或毕业后暂未就业</Text>
          <Text className='home__item'>
            • 在郑州连续按时缴纳养老保险满{policy.pensionMonthsRequired}个月，已办理社会保障卡并激活金融账户
          </Text>
          <Text className='home__item'>• 硕士研究生、全日制本科及技工院校预备技师须未满{age}周岁，博士研究生不限年龄</Text>
          <Text className='home__item'>• 海外归国留学人员、技工院校全日制预备技师（技师）请到人才服务窗口办理</Text>
        </View>
      </Section>

      <Section title='办事指引'>
        <AppButton id='entry-windows' variant='secondary' onClick={() => go(ROUTES.directory)}>
          人才服务窗口和社保分局
        </AppButton>
        <AppButton id='entry-housing' variant='secondary' onClick={() => go(ROUTES.housing)}>
          购房补贴办理指引
        </AppButton>
      </Section>

      <Section title='高层次人才服务' description='经郑州市认定的高层次人才，需要什么服务点一下即可提出，服务单位线上对接、线下服务。'>
        <AppButton id='entry-talent' variant='secondary' onClick={() => go(ROUTES.talentServices)}>
          高层次人才服务
        </AppButton>
      </Section>

      <NewsFeed />

      <Section title='监督及投诉电话'>
        <View className='home__phone'>
          <Text className='home__phone-number'>{COMPLAINT_PHONE}</Text>
          <AppButton id='call-complaint' variant='secondary' onClick={() => void callPhone(COMPLAINT_PHONE)}>
            拨打投诉电话
          </AppButton>
        </View>
      </Section>

      <ElderlyToggle />
    </PageShell>
  )
}
