/**
 * Development stand-in for 学信网: a fixed list of made-up verification codes, each for one of the
 * demo people (registry/demo-people.ts), so the window intake and the review can be tried end to
 * end. The codes follow the form core checks (16 upper-case letters or digits) and start with
 * ZZDEMO, which no real code is known to do.
 */
import type { ChsiVerifier } from './chsi-verifier'

export const DEMO_CHSI_REPORTS = [
  { code: 'ZZDEMO2019XJ0001', name: '赵静怡', school: '河南省工业技师学院', education: '预备技师（技师）' },
  { code: 'ZZDEMO2020XJ0002', name: '王子豪', school: '郑州大学', education: '本科' },
  { code: 'ZZDEMO2021XJ0003', name: '李思涵', school: '河南大学', education: '硕士研究生' },
  { code: 'ZZDEMO2022XJ0004', name: '张博文', school: '郑州大学', education: '博士研究生' },
] as const

export function createDevChsiVerifier(reports: readonly { code: string; name: string; school?: string; education?: string }[] = DEMO_CHSI_REPORTS): ChsiVerifier {
  const byCode = new Map(reports.map((report) => [report.code, report]))
  return {
    async verify(code) {
      const found = byCode.get(code)
      if (found === undefined) return { result: 'not-found' }
      const { code: _code, ...report } = found
      return { result: 'valid', report }
    },
  }
}
