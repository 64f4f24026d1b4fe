/// <reference types="node" />
/*
 * TALENT_TIERS against the seed itself, as the directory tables are checked
 * (directories/seed-transcription.test.ts): every qualifying title must be the seed's item, in
 * the seed's order, character for character, and no item of the seed may be missing.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { TALENT_SOURCES } from './sources'
import { TALENT_TIERS } from './tiers'

const seed = readFileSync(resolve(__dirname, '../../../../docs/seed/000_f7159d2718378eba.txt'), 'utf8')

/**
 * The article as one text: the print layout breaks lines (and pages) inside words ("人\n\n才引进
 * 计划", "高\n\n端外国专家项目"); inside a paragraph no line break means anything.
 */
const article = seed.slice(seed.indexOf('智汇郑州APP“一站式”人才服务平台发布')).replace(/\n+/g, '')

/** The items of "X包括:a;b;…;以及相当于上述层次的X。" as printed, split at the half-width ';'. */
function listedFor(label: string): string[] {
  const head = `${label}包括:`
  const start = article.indexOf(head)
  if (start < 0) throw new Error(`the seed has no list for ${label}`)
  const end = article.indexOf('。', start)
  return article.slice(start + head.length, end).split(';')
}

const defined = TALENT_TIERS.filter((tier) => tier.equivalent !== null)

describe('TALENT_TIERS against the seed', () => {
  it('has the four tiers the seed defines, in its order, each with its closing clause', () => {
    expect(defined.map((tier) => tier.label)).toEqual(['顶尖人才', '国家级领军人才', '地方级领军人才', '地方突出贡献人才'])
    for (const tier of defined) expect(tier.equivalent).toBe(`相当于上述层次的${tier.label}`)
  })

  it.each(defined.map((tier) => [tier.label, tier] as const))('%s: every title is the seed’s, in order, none missing', (label, tier) => {
    expect([...tier.titles, `以及${tier.equivalent ?? ''}`]).toEqual(listedFor(label))
  })

  it('has every title verbatim in the seed once its layout breaks are joined', () => {
    for (const title of TALENT_TIERS.flatMap((tier) => tier.titles)) expect(article).toContain(title)
  })

  it('keeps the seed’s wording where it looks like a misprint', () => {
    const top = TALENT_TIERS.find((tier) => tier.id === 'top')
    expect(top?.titles.some((title) => title.includes('中规定的人选国内人才引进计划'))).toBe(true)
  })

  it('lists the groups in the order of the sentence that names them, ids as design.md fixes them', () => {
    const sentence = /他们分别是(.+?)。/.exec(article)?.[1]
    expect(sentence).toBe('顶尖人才、国家级领军人才、地方级领军人才、地方突出贡献人才和入选“智汇郑州·1125聚才计划”的人才以及其他高层次人才')
    expect(TALENT_TIERS.map((tier) => tier.id)).toEqual(['top', 'national-leading', 'local-leading', 'local-outstanding', 'plan-1125', 'other'])
    let position = 0
    for (const tier of TALENT_TIERS) {
      const name = tier.id === 'plan-1125' ? (tier.titles[0] ?? '') : tier.label
      const at = sentence?.indexOf(name, position) ?? -1
      expect(at).toBeGreaterThanOrEqual(position)
      position = at + name.length
    }
  })

  it('gives no titles where the seed defines none', () => {
    expect(TALENT_TIERS.find((tier) => tier.id === 'other')?.titles).toEqual([])
  })

  it('cites the sentence it comes from', () => {
    expect(article).toContain('经郑州市认定的高层次人才均可享受服务')
    for (const tier of TALENT_TIERS) expect(tier.source).toContain(TALENT_SOURCES.tiers)
  })
})
