import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { StateView } from '@/components/StateView'
import { useAsync } from '@/hooks/use-async'
import { isApiError } from '@/services/api-error'
import { cancelTalentRequest, fetchTalentRequests } from '@/services/talent'
import { go, replace, ROUTES } from '@/utils/routes'
import { RequestCard } from '../../components/RequestCard'
import '../../components/talent.scss'

async function load() {
  try {
    const { requests } = await fetchTalentRequests()
    return requests.length > 0 ? requests : undefined
  } catch (error) {
    // Not verified on this account yet: the verification first.
    if (isApiError(error) && error.status === 403) {
      replace(ROUTES.talentVerify)
      return undefined
    }
    throw error
  }
}

/** My requests: where each stands, who serves me and how to reach them, rating, the bureau's answer. */
export default function TalentRequestsPage() {
  const { state, reload } = useAsync(load, { auto: false })
  const [error, setError] = useState<string>()
  const cancelling = useRef(false)

  useDidShow(() => {
    void reload()
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  async function cancel(requestId: string): Promise<void> {
    if (cancelling.current) return
    cancelling.current = true
    try {
      const { confirm } = await Taro.showModal({ title: '撤销请求', content: '确定撤销这条服务请求吗？', confirmText: '撤销', cancelText: '不撤销' })
      if (!confirm) return
      await cancelTalentRequest(requestId)
      setError(undefined)
      await reload()
    } catch (e) {
      setError(isApiError(e) ? e.message : '撤销失败，请稍后重试。')
    } finally {
      cancelling.current = false
    }
  }

  if (state.kind === 'loading') {
    return (
      <PageShell>
        <StateView kind='loading' title='正在查询…' />
      </PageShell>
    )
  }
  if (state.kind === 'error') {
    return (
      <PageShell>
        <StateView kind='error' title='查询失败' description={state.message} action={{ label: '重新查询', onClick: () => void reload() }} />
      </PageShell>
    )
  }
  if (state.kind === 'empty') {
    return (
      <PageShell>
        <StateView
          kind='empty'
          title='还没有服务请求'
          description='需要什么服务，在服务列表中点一下即可。'
          action={{ label: '去提出需求', onClick: () => go(ROUTES.talentServices) }}
        />
      </PageShell>
    )
  }
  return (
    <PageShell className='talent'>
      {error ? <Notice tone='error' title={error} /> : null}
      {state.data.map((request) => (
        <RequestCard
          key={request.requestId}
          request={request}
          onCancel={() => void cancel(request.requestId)}
          onRate={() => go(ROUTES.talentRate, { id: request.requestId, service: request.serviceLabel })}
        />
      ))}
    </PageShell>
  )
}
