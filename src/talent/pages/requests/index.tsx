import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Notice } from '@/components/Notice'
import { PageShell } from '@/components/PageShell'
import { AsyncStatePage } from '@/components/StateView/AsyncStatePage'
import { useAsync } from '@/hooks/use-async'
import { useConfirmedAction } from '@/hooks/use-confirmed-action'
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

  useDidShow(() => {
    void reload()
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const cancel = useConfirmedAction({
    confirm: { title: '撤销请求', content: '确定撤销这条服务请求吗？', confirmText: '撤销', cancelText: '不撤销' },
    run: cancelTalentRequest,
    then: reload,
    failure: '撤销失败，请稍后重试。',
  })

  if (state.kind !== 'ready') {
    return (
      <AsyncStatePage
        state={state}
        reload={reload}
        loadingTitle='正在查询…'
        empty={{
          title: '还没有服务请求',
          description: '需要什么服务，在服务列表中点一下即可。',
          action: { label: '去提出需求', onClick: () => go(ROUTES.talentServices) },
        }}
      />
    )
  }
  return (
    <PageShell className='talent'>
      {cancel.error ? <Notice tone='error' title={cancel.error} /> : null}
      {state.data.map((request) => (
        <RequestCard
          key={request.requestId}
          request={request}
          onCancel={() => void cancel.act(request.requestId)}
          onRate={() => go(ROUTES.talentRate, { id: request.requestId, service: request.serviceLabel })}
        />
      ))}
    </PageShell>
  )
}
