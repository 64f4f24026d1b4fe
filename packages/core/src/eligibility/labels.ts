/**
 * Chinese names of the education levels and employment kinds, worded as the policy texts word
 * them, for forms, reports and messages.
 */
import type { Education, EmploymentKind } from '../types'

/**
 * [ext 2017] the four levels. The last is the seed's "技工院校全日制预备技师(技师)" (四(一)5)
 * without 全日制, which describes the schooling rather than the level.
 */
export const EDUCATION_LABELS = {
  doctorate: '博士研究生',
  master: '硕士研究生',
  bachelor: '全日制本科',
  'preparatory-technician': '技工院校预备技师(技师)',
} as const satisfies Record<Education, string>

/**
 * Seed 一 names the three groups: "在郑州市……工作的人员；在郑自主创业人员；毕业后暂未就业人员".
 */
export const EMPLOYMENT_KIND_LABELS = {
  employed: '在郑就业',
  'self-employed': '在郑自主创业',
  unemployed: '毕业后暂未就业',
} as const satisfies Record<EmploymentKind, string>
