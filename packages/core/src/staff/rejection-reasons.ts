/**
 * The catalogue reviewers pick rejection reasons from, one list per target (a document or a form
 * field). The message is exactly what the applicant will read, so each says what is wrong and how
 * to put it right; the reviewer may add free text. Codes are stable: the applicant's app and the
 * SMS only show the message.
 */
import type { DocumentKind } from '../types'

export interface ReasonTemplate {
  code: string
  message: string
}

const photoReasons = (what: string): ReasonTemplate[] => [
  { code: 'UNREADABLE', message: `${what}照片模糊或反光，文字看不清，请在光线充足处重新拍摄并上传。` },
  { code: 'INCOMPLETE', message: `${what}照片不完整（四角未拍全或有遮挡），请拍全后重新上传。` },
  { code: 'WRONG_DOCUMENT', message: `上传的不是${what}，请上传${what}原件的照片。` },
  { code: 'MISMATCH', message: `${what}上的信息与填写的信息不一致，请核对填写内容或上传正确的证件。` },
]

export const DOCUMENT_REASONS: Record<DocumentKind, ReasonTemplate[]> = {
  'id-card': [...photoReasons('身份证'), { code: 'EXPIRED', message: '身份证已过有效期，请换领后上传新证照片。' }],
  hukou: [
    ...photoReasons('户口本'),
    { code: 'PAGE', message: '请上传户口本本人页（不是户主页或首页）。' },
    { code: 'NOT_ZHENGZHOU', message: '户口本显示户籍不在郑州市，请落户郑州后再申请。' },
  ],
  'graduation-certificate': [
    ...photoReasons('毕业证书'),
    { code: 'DATE', message: '毕业证书上的毕业日期与填写的毕业时间不一致，请核对后修改。' },
  ],
  'degree-certificate': photoReasons('学位证书'),
  'business-license': [
    ...photoReasons('营业执照'),
    { code: 'NOT_OWNER', message: '营业执照的经营者或法定代表人不是申请人本人，请上传本人的营业执照。' },
  ],
  'student-record-report': [
    ...photoReasons('教育部学籍在线验证报告'),
    { code: 'EXPIRED', message: '学籍在线验证报告已过有效期，请在学信网重新申请后上传。' },
  ],
  'social-security-card': photoReasons('社会保障卡'),
}

/** Reasons about a form field, whatever the field. */
export const FIELD_REASONS: ReasonTemplate[] = [
  { code: 'WRONG', message: '此项填写有误，请按证件上的内容重新填写。' },
  { code: 'MISMATCH', message: '此项与上传的证件不一致，请核对后修改。' },
]

/** The templates for a reason target: a DocumentKind, or a form field path. */
export function reasonTemplates(target: string): ReasonTemplate[] {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_REASONS, target) ? DOCUMENT_REASONS[target as DocumentKind] : FIELD_REASONS
}
