import { Text, View } from '@tarojs/components'
import type { NewsItem } from '@zhihui/core'
import { useState } from 'react'
import { useAsync } from '@/hooks/use-async'
import { fetchNews } from '@/services/news'
import { formatDate } from '@/utils/format'
import { Section } from '../Section'
import './index.scss'

const SHOWN = 5
const PREVIEW = 60

async function load(): Promise<NewsItem[] | undefined> {
  const { items } = await fetchNews()
  return items.length > 0 ? items.slice(0, SHOWN) : undefined
}

/**
 * 信息联动 [seed, second article]: the policy notices and news the bureaus publish, on the home
 * page. Nothing published: no section; a failed load says so quietly (the rest of the page works).
 */
export function NewsFeed() {
  const { state } = useAsync(load)
  const [open, setOpen] = useState<string>()
  if (state.kind === 'empty') return null
  return (
    <Section title='人才政策与新闻'>
      {state.kind === 'loading' ? <Text className='muted'>正在加载…</Text> : null}
      {state.kind === 'error' ? <Text className='muted'>暂时无法加载，请稍后再看。</Text> : null}
      {state.kind === 'ready'
        ? state.data.map((item) => {
            const expanded = open === item.id
            const long = [...item.body].length > PREVIEW
            return (
              <View key={item.id} className='news-item' data-news={item.id} onClick={() => setOpen(expanded ? undefined : item.id)}>
                <Text className='news-item__title'>{item.title}</Text>
                <Text className='news-item__meta'>
                  {item.bureau} · {formatDate(item.publishedAt)}
                </Text>
                <Text className='news-item__body'>{expanded || !long ? item.body : `${[...item.body].slice(0, PREVIEW).join('')}…`}</Text>
                {long ? <Text className='news-item__more'>{expanded ? '收起' : '展开全文'}</Text> : null}
              </View>
            )
          })
        : null}
    </Section>
  )
}
