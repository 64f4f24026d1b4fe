/**
 * The policy and news feed (信息联动) [seed, second article: "微信服务号以宣传人才政策、发布新闻公告
 * 为主,APP以人才服务为主,同时兼顾微信服务号的所有功能"]: bureau staff publish, the mini-program's
 * home page shows the latest. In development an empty feed gets the seed article's own opening,
 * so the home page has something true to show.
 */
import { randomUUID } from 'node:crypto'
import type { NewsItem, NewsResponse } from '@zhihui/core'
import { talentDb, type NewsTable } from '../../db/talent-schema'
import { invalid } from '../../errors'
import { countNews, insertNews, listNews } from '../../repositories/news'
import { byStaff } from '../staff/audit-service'
import { staffActor, type StaffPrincipal } from '../staff/principal'
import type { TalentDeps } from './deps'
import { optionalText, talentAudit } from './request-events'

const FEED_SIZE = 20

const itemOf = (row: NewsTable): NewsItem => ({ id: row.id, title: row.title, body: row.body, bureau: row.bureau, publishedAt: row.published_at })

/** The seed article's headline and first paragraph, verbatim. */
export const DEV_NEWS = {
  title: '智汇郑州APP“一站式”人才服务平台发布',
  body: '智汇郑州APP服务平台今天发布,这标志着郑州“一库一网一平台一热线”人才服务体系初步形成,将有效解决传统的人才服务落实难、效率低的问题。',
  bureau: '市人才办',
} as const

export function createNewsService(deps: TalentDeps) {
  const db = talentDb(deps.db)
  const { clock } = deps

  return {
    async list(): Promise<NewsResponse> {
      return { items: (await listNews(db, FEED_SIZE)).map(itemOf) }
    },

    async publish(staff: StaffPrincipal, body: Record<string, unknown>, ip: string): Promise<{ item: NewsItem }> {
      const title = optionalText(body.title, 60)
      if (title === null || title === 'invalid') throw invalid('title', '请填写标题（最多 60 个字）。')
      const text = optionalText(body.body, 2000)
      if (text === null || text === 'invalid') throw invalid('body', '请填写正文（最多 2000 个字）。')
      if (staff.bureau === null) throw invalid('bureau', '您的账号没有所属局委，不能发布信息。')
      const at = clock.now().toISOString()
      const row: NewsTable = { id: randomUUID(), title, body: text, bureau: staff.bureau, author: staffActor(staff), author_name: staff.name, published_at: at }
      await db.transaction().execute(async (trx) => {
        await insertNews(trx, row)
        await talentAudit(trx, at, { ...byStaff(staff), action: 'news-publish', target: row.id, ip, detail: { title } })
      })
      return { item: itemOf(row) }
    },

    /** Development only: one true item in an empty feed. */
    async seedDevelopment(): Promise<void> {
      if ((await countNews(db)) > 0) return
      const at = clock.now().toISOString()
      await insertNews(db, { id: randomUUID(), ...DEV_NEWS, author: 'seed', author_name: null, published_at: at })
    },
  }
}

export type NewsService = ReturnType<typeof createNewsService>
