/**
 * Where the rules of the high-level talent services come from. The seed's second article (the
 * press release of the 智汇郑州APP platform, printed after the notice's tables) is the authority
 * for the tiers and the platform's functions; the five rating levels and the 15-working-day
 * follow-up come from the national 好差评 rules (policy.md, [ext]).
 */

/** The seed's second article, by its headline as printed. */
export const TALENT_ARTICLE = '《整合资源、跟踪评价、线上对接、线下服务 智汇郑州APP“一站式”人才服务平台发布》'

export const TALENT_SOURCES = {
  /** "经郑州市认定的高层次人才均可享受服务,他们分别是顶尖人才、国家级领军人才……以及其他高层次人才。" */
  tiers: `${TALENT_ARTICLE}：经郑州市认定的高层次人才均可享受服务`,
  /** "二是一键服务功能……只需按一个键,服务平台会立即跳出专家的姓名和照片等信息" */
  oneKey: `${TALENT_ARTICLE}：二是一键服务功能`,
  /** "三是分层管理功能……服务人员层……业务局委层……市领导层" */
  layers: `${TALENT_ARTICLE}：三是分层管理功能`,
  /** "四是考核评价功能……系统后台将自动统计各服务单位的满意率和投诉率" */
  evaluation: `${TALENT_ARTICLE}：四是考核评价功能`,
  /** "一是信息联动功能……微信服务号以宣传人才政策、发布新闻公告为主" */
  news: `${TALENT_ARTICLE}：一是信息联动功能`,
  /** The five levels of the 好差评 scale and the 15-working-day follow-up (policy.md, [ext]). */
  goodBad: '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号，据公开文本）',
  /** How a period of days is counted: the day it starts on is not counted. */
  periodCounting: '《中华人民共和国民法典》第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算',
} as const
