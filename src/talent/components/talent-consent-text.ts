import type { ConsentText } from '@/components/ConsentNotice'

/**
 * What the talent services collect and why, and who sees it: the seed's platform shows the
 * expert's name and photo to the service staff (PIPL art. 29/30).
 */
export const TALENT_CONSENT: ConsentText = {
  purpose: '为向经认定的高层次人才提供“一键服务”，我们需要收集以下信息：',
  items: [
    '姓名、身份证号码、人才认定证书编号：向“智汇郑州”高层次人才认定名单核验您的身份和人才层次；',
    '手机号码（可不填）：服务确认、安排、完成和投诉答复时以短信通知您。',
  ],
  sensitive:
    '身份证号码属于敏感个人信息，仅用于核验身份，页面上显示时均做脱敏处理。您提出服务需求后，负责该项服务的局委服务人员会看到您的姓名、人才层次和照片，以便与您对接线下服务；市、局委管理人员可查看服务与评价情况，但看不到您的证件号码。您可以拒绝，拒绝后可致电人才服务窗口办理。',
  agreement: '我已阅读并同意以上说明，同意核验高层次人才身份',
}
