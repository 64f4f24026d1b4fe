import type { ConsentText } from '@/components/ConsentNotice'

/** What the subsidy collects at card binding, and why (PIPL art. 29/30). */
export const SUBSIDY_CONSENT: ConsentText = {
  purpose: '为办理青年人才生活补贴，我们需要收集以下信息：',
  items: [
    '姓名、身份证号码：核实身份，判断年龄条件；',
    '社会保障卡号：向社会保险登记系统核验卡片、金融账户状态和养老保险缴纳月数，补贴将发放到该卡的金融账户；',
    '身份证、户口本、毕业证、学位证等证件照片（自主创业者另需营业执照）：供审核人员核对；',
    '手机号码：审核结果以短信通知。',
  ],
  sensitive:
    '身份证号码、金融账户信息和证件照片属于敏感个人信息，仅用于本项补贴的审核、公示和发放，不作他用；页面上显示时均做脱敏处理。照片在上传前会在手机上压缩，并去除拍摄位置等附加信息。您可以拒绝，拒绝后可携带原件到人才服务窗口办理。',
  agreement: '我已阅读并同意以上说明，同意绑定社会保障卡并提供上述信息',
}
