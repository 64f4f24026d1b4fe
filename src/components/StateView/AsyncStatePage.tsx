import type { AsyncState } from '@/hooks/use-async'
import { PageShell } from '../PageShell'
import { StateView } from './index'

interface Props<T> {
  state: AsyncState<T>
  reload: () => Promise<void>
  loadingTitle: string
  /** What the page says when there is nothing yet, and where it sends the user. */
  empty: { title: string; description: string; action: { label: string; onClick: () => void } }
}

/**
 * The whole page while a page's data is loading, missing or failed to load (with 重新查询); null
 * once the data is there, so the page renders its own content.
 */
export function AsyncStatePage<T>({ state, reload, loadingTitle, empty }: Props<T>) {
  if (state.kind === 'ready') return null
  return (
    <PageShell>
      {state.kind === 'loading' ? <StateView kind='loading' title={loadingTitle} /> : null}
      {state.kind === 'error' ? (
        <StateView kind='error' title='查询失败' description={state.message} action={{ label: '重新查询', onClick: () => void reload() }} />
      ) : null}
      {state.kind === 'empty' ? <StateView kind='empty' {...empty} /> : null}
    </PageShell>
  )
}
