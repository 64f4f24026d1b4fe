/**
 * The tiers of high-level talent the 智汇郑州APP platform serves, as the seed's second article
 * lists them [seed, second article: "经郑州市认定的高层次人才均可享受服务"], in its order.
 *
 * Each of the four defined tiers is printed there as "X包括:title;title;…;以及相当于上述层次的X。".
 * `titles` are those items character for character, half-width punctuation and the article's own
 * wording included (seed-transcription: talent-tiers.test.ts compares them with the seed);
 * `equivalent` is the closing "以及相当于上述层次的…" clause, which admits talent the city certifies
 * as of the same level. Two groups have no list in the seed: the 1125聚才计划 talent (named once, in
 * the sentence that enumerates the groups) and 其他高层次人才 (named, never defined).
 *
 * As printed, not corrected:
 * - 顶尖人才: "《外国人来华工作分类标准(试行)》中规定的人选国内人才引进计划、…" — "人选" is likely
 *   "入选"; the article breaks the line inside "人\n\n才" (a layout break, joined here).
 * - 地方级领军人才: the line break inside "高\n\n端外国专家项目" is likewise joined.
 * - 地方突出贡献人才 lists "入选“智汇郑州·1125聚才计划”的创新创业领军人才和紧缺人才", while the
 *   sentence of groups names "入选“智汇郑州·1125聚才计划”的人才" as a group of its own: a 1125
 *   talent of those two kinds is both. The registry says which tier a person is certified in.
 */
import { TALENT_SOURCES } from './sources'

export type TalentTierId = 'top' | 'national-leading' | 'local-leading' | 'local-outstanding' | 'plan-1125' | 'other'

export interface TalentTier {
  id: TalentTierId
  label: string
  /** The qualifying titles as the seed prints them; empty where the seed gives none. */
  titles: readonly string[]
  /** The seed's closing clause "以及相当于上述层次的…", without "以及"; null where there is none. */
  equivalent: string | null
  source: string
}

export const TALENT_TIERS: readonly TalentTier[] = [
  {
    id: 'top',
    label: '顶尖人才',
    titles: [
      '诺贝尔奖获得者(物理、化学、生理或医学、文学、经济学奖)',
      '国家最高科学技术奖获得者',
      '中国科学院院士、中国工程院院士',
      '中国社会科学院学部委员、荣誉学部委员',
      '国家“万人计划”杰出人才入选',
      '《外国人来华工作分类标准(试行)》中规定的人选国内人才引进计划、符合国际公认的专业成就认定标准的外国高端人才',
    ],
    equivalent: '相当于上述层次的顶尖人才',
    source: `${TALENT_SOURCES.tiers}：顶尖人才包括`,
  },
  {
    id: 'national-leading',
    label: '国家级领军人才',
    titles: [
      '国家“千人计划”(不含“千人计划”青年项目)入选',
      '国家“万人计划”领军人才',
      '全国杰出专业技术人才',
      '百万人才工程国家级人选',
      '中华技能大奖获得者',
      '世界技能大赛金牌获得者',
      '中科院“百人计划”A类人才',
      '国家杰出青年科学基金项目完成人',
      '国家外国专家局“首席外国专家项目”人选',
      '“长江学者”特聘教授',
      '世界综合排名前100位大学中担任助理教授以上、35岁以下的优秀青年理工科人才',
    ],
    equivalent: '相当于上述层次的国家级领军人才',
    source: `${TALENT_SOURCES.tiers}：国家级领军人才包括`,
  },
  {
    id: 'local-leading',
    label: '地方级领军人才',
    titles: [
      '国家“千人计划”青年项目入选',
      '国家“万人计划”青年拔尖人才',
      '百万人才工程地方级人选',
      '“长江学者奖励计划”青年学者',
      '国家优秀青年科学基金获得者',
      '国务院政府特殊津贴专家',
      '国家外国专家局“高端外国专家项目”人选',
      '全国技术能手',
      '世界技能大赛银牌获得者',
      '中原学者',
      '河南省海外高层次人才引进计划(“中原百人计划”)入选',
    ],
    equivalent: '相当于上述层次的地方级领军人才',
    source: `${TALENT_SOURCES.tiers}：地方级领军人才包括`,
  },
  {
    id: 'local-outstanding',
    label: '地方突出贡献人才',
    titles: [
      '省级杰出专业技术人才',
      '省级科技创新杰出青年',
      '省级特聘教授',
      '省级特聘研究员',
      '省级“国际人才合作项目计划”外国专家主要人选',
      '中原技能大奖获得者',
      '世界技能大赛铜牌获得者',
      '入选“智汇郑州·1125聚才计划”的创新创业领军人才和紧缺人才',
    ],
    equivalent: '相当于上述层次的地方突出贡献人才',
    source: `${TALENT_SOURCES.tiers}：地方突出贡献人才包括`,
  },
  {
    id: 'plan-1125',
    // The article names the group "入选“智汇郑州·1125聚才计划”的人才"; this is its short label.
    label: '1125聚才计划人才',
    titles: ['入选“智汇郑州·1125聚才计划”的人才'],
    equivalent: null,
    source: TALENT_SOURCES.tiers,
  },
  {
    id: 'other',
    label: '其他高层次人才',
    titles: [],
    equivalent: null,
    source: TALENT_SOURCES.tiers,
  },
]

export const TALENT_TIER_IDS: readonly TalentTierId[] = TALENT_TIERS.map((tier) => tier.id)

export const isTalentTierId = (value: unknown): value is TalentTierId =>
  typeof value === 'string' && (TALENT_TIER_IDS as readonly string[]).includes(value)

/** The Chinese name of a tier ('顶尖人才'); an unknown id (from storage) is shown as it is. */
export function talentTierLabel(id: string): string {
  return TALENT_TIERS.find((tier) => tier.id === id)?.label ?? id
}
