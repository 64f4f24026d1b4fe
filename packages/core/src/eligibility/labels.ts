/**
 * Chinese names of the education levels and employment kinds: the one list of these words, used
 * by reports and messages and, through form/options.ts, by the form's choices. Worded as the seed
 * words them wherever it names the group.
 */
import type { Education, EmploymentKind } from '../types'

/**
 * [ext 2017] the four levels. The last is the seed's own wording, half-width brackets as printed:
 * "技工院校全日制预备技师(技师)" [seed, 四(一) 服务窗口申报第5项].
 */
export const EDUCATION_LABELS = {
  doctorate: '博士研究生',
  master: '硕士研究生',
  bachelor: '全日制本科',
  'preparatory-technician': '技工院校全日制预备技师(技师)',
} as const satisfies Record<Education, string>

/**
 * Seed 一 names the three groups: "在郑州市……工作的人员；在郑自主创业人员；毕业后暂未就业人员".
 */
export const EMPLOYMENT_KIND_LABELS = {
  employed: '在郑州工作',
  'self-employed': '在郑自主创业',
  unemployed: '毕业后暂未就业',
} as const satisfies Record<EmploymentKind, string>
