/**
 * The bundled development talent registry: made-up certified talents, one per tier, with valid
 * GB 11643 ID numbers (Zhengzhou address codes) and made-up certificate numbers (the real
 * certificate's numbering is not public). No photos are bundled: each demo talent's portrait is
 * drawn at start from its initials (services/talent/talent-photos.ts). TALENT_REGISTRY_FILE
 * replaces this list; production refuses to start without it.
 */
import type { TalentRegistryEntry } from './talent-registry'

export interface DemoTalent extends TalentRegistryEntry {
  /** What this talent is for, printed at start and in the README. */
  story: string
}

export const DEMO_TALENTS: readonly DemoTalent[] = [
  { name: '王建国', idNumber: '410105196203153017', tier: 'top', certificateNo: 'GCC20180001', initials: 'WJG', story: '顶尖人才（院士）' },
  { name: '李红梅', idNumber: '410102197008224022', tier: 'national-leading', certificateNo: 'GCC20180002', initials: 'LHM', story: '国家级领军人才' },
  { name: '陈志远', idNumber: '410103197811055017', tier: 'local-leading', certificateNo: 'GCC20180003', initials: 'CZY', story: '地方级领军人才' },
  { name: '赵雪', idNumber: '41010419850618602X', tier: 'local-outstanding', certificateNo: 'GCC20180004', initials: 'ZX', story: '地方突出贡献人才' },
  { name: '杨帆', idNumber: '410105198809237011', tier: 'plan-1125', certificateNo: 'GCC20180005', initials: 'YF', story: '1125聚才计划人才' },
  { name: '黄立新', idNumber: '41012219750430801X', tier: 'other', certificateNo: 'GCC20180006', initials: 'HLX', story: '其他高层次人才' },
]
