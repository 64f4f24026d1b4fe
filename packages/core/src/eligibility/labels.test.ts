import { channelFor, WINDOW_CHANNEL_RULE } from './channel'
import { EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS } from './labels'

describe('labels', () => {
  it('names the education levels as the policy does, the technical schools’ in the seed’s words', () => {
    expect(EDUCATION_LABELS).toEqual({
      doctorate: '博士研究生',
      master: '硕士研究生',
      bachelor: '全日制本科',
      'preparatory-technician': '技工院校全日制预备技师(技师)',
    })
  })

  it('names the seed’s three employment groups', () => {
    expect(EMPLOYMENT_KIND_LABELS).toEqual({ employed: '在郑州工作', 'self-employed': '在郑自主创业', unemployed: '毕业后暂未就业' })
  })
})

describe('channelFor [seed 四(一)5]', () => {
  it.each([
    [false, 'bachelor', 'online'],
    [false, 'master', 'online'],
    [false, 'doctorate', 'online'],
    [true, 'doctorate', 'window'],
    [false, 'preparatory-technician', 'window'],
    [true, 'preparatory-technician', 'window'],
  ] as const)('returnee %p, %s → %s', (overseasReturnee, education, channel) => {
    expect(channelFor({ overseasReturnee, education })).toBe(channel)
  })

  it('says why, from where, and that the app shows the window list', () => {
    expect(WINDOW_CHANNEL_RULE.source).toContain('四(一)服务窗口申报第5项')
    expect(WINDOW_CHANNEL_RULE.message).toContain('人才服务窗口')
    expect(WINDOW_CHANNEL_RULE.sendTo).toBe('talent-windows')
  })
})
