import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { AppButton } from '@/components/AppButton'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { cx } from '@/utils/class-names'
import { go, replace, ROUTES } from '@/utils/routes'
import { useOneTap } from '../../hooks/use-one-tap'
import { useTalentHome } from '../../hooks/use-talent-home'
import '../../components/talent.scss'

/**
 * 一键服务 [seed, second article]: every service is one large button; one tap files the request
 * and the bureau's service staff see the talent's name and photo at once. An undo stays for a
 * few seconds.
 */
export default function TalentServicesPage() {
  const { state, reload } = useTalentHome()
  const { state: tap, tap: file, undo } = useOneTap()

  useEffect(() => {
    if (state.kind === 'empty') replace(ROUTES.talentVerify)
  }, [state.kind])

  if (state.kind === 'loading' || state.kind === 'empty') {
    return (
      <PageShell>
        <StateView kind='loading' title={state.kind === 'empty' ? '请先核验高层次人才身份…' : '正在加载…'} />
      </PageShell>
    )
  }
  if (state.kind === 'error') {
    return (
      <PageShell>
        <StateView kind='error' title='加载失败' description={state.message} action={{ label: '重新加载', onClick: () => void reload() }} />
      </PageShell>
    )
  }

  const { talent, services } = state.data
  return (
    <PageShell className='talent'>
      <Text className='talent-greeting'>
        {talent.name}您好（{talent.tierLabel}）
      </Text>

      {tap.kind === 'filed' ? (
        <View className='talent-undo' role='status'>
          <Text className='talent-undo__text'>
            已提交“{tap.label}”服务需求，{tap.bureau}服务人员将尽快与您联系。
          </Text>
          <AppButton id='talent-undo' variant='secondary' onClick={() => void undo()}>
            撤销（{tap.secondsLeft}秒）
          </AppButton>
        </View>
      ) : tap.kind === 'kept' ? (
        <Notice tone='success' title={`“${tap.label}”需求已提交`}>
          <Text>{tap.bureau}服务人员确认后会与您联系，进度可在“我的服务请求”中查看。</Text>
        </Notice>
      ) : tap.kind === 'undone' ? (
        <Notice tone='info' title={`已撤销“${tap.label}”需求`} />
      ) : tap.kind === 'error' ? (
        <Notice tone='error' title={tap.message} />
      ) : null}

      <Section title='点一下，提出服务需求' description='服务单位收到后会确认需求、安排线下服务，全程可在“我的服务请求”中查看。'>
        {services.map((service) => {
          const busy = tap.kind === 'filing' && tap.serviceId === service.id
          return (
            <Button
              key={service.id}
              id={`service-${service.id}`}
              className={cx('talent-service', busy && 'talent-service--busy')}
              aria-busy={busy || undefined}
              onClick={() => void file(service)}
            >
              <Text className='talent-service__label'>{busy ? `正在提交“${service.label}”…` : service.label}</Text>
              <Text className='talent-service__hint'>
                {service.hint} · {service.bureau}
              </Text>
            </Button>
          )
        })}
      </Section>

      <AppButton id='talent-my-requests' variant='secondary' onClick={() => go(ROUTES.talentRequests)}>
        我的服务请求
      </AppButton>
    </PageShell>
  )
}
