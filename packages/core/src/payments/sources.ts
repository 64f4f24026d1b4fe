/**
 * Where the payment rules come from (policy.md, "Payment, month by month" and "After
 * submission"). The seed says the subsidy is paid into the social-security card's financial
 * account after the notice; how and when month by month comes from the 2017 text ([ext]).
 */
import { SEED_NOTICE, SEED_SECTIONS, TEXT_2017 } from '../eligibility/sources'

export const PAYMENT_SOURCES = {
  /** [ext, 2017] "payment starts in the month all conditions are met". */
  start: `${TEXT_2017}：自申请人符合全部条件的当月起发放`,
  /** Seed 四(一) 4: "公示结束后合格人员生活补贴按程序拨付至社会保障卡金融账户". */
  afterNotice: `${SEED_NOTICE}四(一)第4项：“公示结束后合格人员生活补贴按程序拨付至社会保障卡金融账户”`,
  /** [ext, 2017] paid monthly into the card's financial account, for at most 36 months. */
  monthly: `${TEXT_2017}：按月发放至社会保障卡金融账户，最长36个月`,
  /** The conditions that must hold in each paid month. */
  card: `${SEED_SECTIONS.socialSecurity}：须办理社会保障卡并激活金融账户`,
  pension: `${TEXT_2017}：在郑州连续按时缴纳养老保险，补缴不计`,
} as const
