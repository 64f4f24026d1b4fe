/** The SMS texts, in Chinese, each saying what happened and what to do next. */
const SIGNATURE = '【智汇郑州】'

const chineseDate = (day: string): string => {
  const [y, m, d] = day.split('-')
  return `${Number(y)}年${Number(m)}月${Number(d)}日`
}

export function rejectionText(applicationNo: string, reasons: readonly { message: string }[]): string {
  const listed = reasons.map((reason, i) => `${i + 1}.${reason.message}`).join('；')
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）未通过审核：${listed}。请在小程序“我的申请”中按提示修改后重新提交。`
}

export function noticeText(applicationNo: string, start: string, end: string): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）已通过审核，现进行公示，公示期${chineseDate(start)}至${chineseDate(end)}。公示无异议后将发放补贴。`
}

export function objectionText(applicationNo: string): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）公示期间收到异议，已重新进入审核，结果将另行通知。`
}

export function paymentText(applicationNo: string, amountYuan: number): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）补贴${amountYuan}元已发放至您的社会保障卡金融账户，请注意查收。`
}
