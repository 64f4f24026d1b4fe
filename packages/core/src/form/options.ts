/**
 * The closed choices of the form, with the words the applicant sees.
 *
 * Education levels and employment situations: seed 一 (who may apply: working in Zhengzhou,
 * self-employed in Zhengzhou, graduated and not yet employed) and the 2017 policy text
 * (doctorate, master, full-time bachelor, technical-school preparatory technician), policy.md.
 */
import type { District, Education, EmploymentKind } from '../types'

export const FORM_EDUCATION_OPTIONS = [
  { value: 'doctorate', label: '博士研究生' },
  { value: 'master', label: '硕士研究生' },
  { value: 'bachelor', label: '全日制本科' },
  { value: 'preparatory-technician', label: '技工院校全日制预备技师（技师）' },
] as const satisfies readonly { value: Education; label: string }[]

export const FORM_EMPLOYMENT_OPTIONS = [
  { value: 'employed', label: '在郑州工作' },
  { value: 'self-employed', label: '在郑州自主创业（有营业执照）' },
  { value: 'unemployed', label: '毕业后暂未就业' },
] as const satisfies readonly { value: EmploymentKind; label: string }[]

/**
 * The districts, counties and cities of Zhengzhou an applicant can be settled in: the `District`
 * union of ../types. Kept here so the form does not depend on the directories module; the
 * compile-time check below fails if the two ever disagree.
 */
export const FORM_DISTRICTS = [
  '中原区',
  '二七区',
  '管城回族区',
  '金水区',
  '惠济区',
  '上街区',
  '郑东新区',
  '高新区',
  '经开区',
  '航空港区',
  '中牟县',
  '新郑市',
  '新密市',
  '荥阳市',
  '登封市',
] as const satisfies readonly District[]

// Every District must be listed: this stops compiling when the union gains a member.
type UnlistedDistrict = Exclude<District, (typeof FORM_DISTRICTS)[number]>
const _everyDistrictListed: [UnlistedDistrict] extends [never] ? true : never = true
