/**
 * Where every rule comes from. The notice of 2018 (the "seed") is the authority; its sections are
 * cited by their own numbering so a reviewer can find the sentence. The later policy texts are
 * known only from public reprints and press reports, so they are cited as such (policy.md, [ext]).
 */

/** The notice that opened applications on 2018-01-02. */
export const SEED_NOTICE = '《“智汇郑州”人才工程青年人才补贴办理有关事项》'

export const SEED_SECTIONS = {
  /** "2017年1月1日后毕业，在郑州市域内落户……在郑自主创业人员；毕业后暂未就业人员" */
  scope: `${SEED_NOTICE}一、青年人才补贴申请受理范围`,
  /** Where to settle one's hukou: the police household-registration station of the address. */
  settlement: `${SEED_NOTICE}二、落户事项办理`,
  /** "须在郑州市域内缴满3个月养老保险并办理社会保障卡且激活社会保障卡金融账户" */
  socialSecurity: `${SEED_NOTICE}三、社保事项办理`,
  /** The originals brought to a window. */
  windowDocuments: `${SEED_NOTICE}四(一)服务窗口申报第1项`,
  /** "海外归国留学人员和技工院校全日制预备技师(技师)需要在服务窗口进行办理" */
  windowOnly: `${SEED_NOTICE}四(一)服务窗口申报第5项`,
  /** The photos uploaded in Alipay (step 4) and WeChat (step 3); both lists are the same. */
  onlineDocuments: `${SEED_NOTICE}四(一)手机支付宝城市服务申报第4项、手机微信城市服务申报第3项`,
} as const

/** The titles of the two policy texts, as POLICY_VERSIONS names them. */
export const TITLE_2017 = '《关于实施“智汇郑州”人才工程加快推进国家中心城市建设的意见》（郑发〔2017〕23号）及配套细则'
export const TITLE_2024 = '《郑州市学历人才生活补贴发放实施细则》'

/** The 2017 policy text and its supporting rules, as publicly reprinted. */
export const TEXT_2017 = `${TITLE_2017}（2017版，据公开转载）`

/** The 2024 rules, known from press reports only. */
export const TEXT_2024 = `${TITLE_2024}（2024版，据媒体报道）`
