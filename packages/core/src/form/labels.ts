/**
 * The Chinese label of every field of the application form, keyed by the dot path that
 * FieldError.field uses, so the app, the server's 422 answers and the check page (核对信息)
 * name a field the same way. The fields are the ones the seed's online journey asks for
 * (四(一), "输入相关信息") plus what the 2017 rules decide on (policy.md).
 */
export const FORM_FIELD_LABELS = {
  'facts.education': '学历',
  'facts.graduationDate': '毕业日期',
  'facts.overseasReturnee': '是否为海外归国留学人员',
  'facts.worldTop200University': '是否毕业于世界排名前200的高校',
  'facts.hukou.inZhengzhou': '是否已在郑州市落户',
  'facts.hukou.district': '落户区县（市）',
  'facts.hukou.settledOn': '落户日期',
  'facts.employment.kind': '就业情况',
  'facts.employment.employer': '工作单位名称',
  'facts.employment.creditCode': '营业执照上的统一社会信用代码',
  'details.mobile': '手机号码',
  'details.school': '毕业院校',
  'details.major': '所学专业',
  'details.graduationCertificateNo': '毕业证书编号',
  'details.degreeCertificateNo': '学位证书编号',
} as const

export type FormField = keyof typeof FORM_FIELD_LABELS
