/** The notices page's pure parts: which approved applications may go on a new batch, file names. */
import type { NoticeBatch, StaffQueueItem } from '@zhihui/core'
import { fileNameOf } from '../../packages/console/src/api/notices'
import { batchStateLabel, byNewest, keepSelectable, listFileName, waitingForNotice } from '../../packages/console/src/pages/notices/selection'

const item = (applicationNo: string, status: StaffQueueItem['status'] = 'public-notice'): StaffQueueItem => ({
  applicationNo,
  status,
  name: '王子豪',
  district: '金水区',
  education: 'bachelor',
  channel: 'online',
  submittedAt: '2026-03-01T02:00:00.000Z',
})
const row = (applicationNo: string) => ({
  applicationNo,
  name: '李思涵',
  idNumberMasked: '4101**********2021',
  education: 'master' as const,
  employer: '郑州某科技有限公司',
  monthlyYuan: 1000,
  status: 'public-notice' as const,
})

describe('waitingForNotice', () => {
  it('leaves out applications any batch already holds, and any not approved', () => {
    const queue = [item('ZZ2026030100001'), item('ZZ2026030100002'), item('ZZ2026030100003'), item('ZZ2026030100004', 'paying')]
    const batches = [{ items: [row('ZZ2026030100002')] }, { items: [] }]
    expect(waitingForNotice(queue, batches).map((i) => i.applicationNo)).toEqual(['ZZ2026030100001', 'ZZ2026030100003'])
  })

  it('drops selections that are no longer waiting', () => {
    expect(keepSelectable(['ZZ2026030100001', 'ZZ2026030100009'], [item('ZZ2026030100001')])).toEqual(['ZZ2026030100001'])
  })
})

describe('batches', () => {
  const batch = (id: string, createdAt: string, ended = false): NoticeBatch => ({
    id,
    start: '2026-03-02',
    end: '2026-03-10',
    holidaysKnown: true,
    createdBy: 'staff:payments',
    createdAt,
    size: 1,
    ended,
  })

  it('sorts newest first and words the state', () => {
    const list = [batch('a', '2026-03-01T01:00:00Z'), batch('b', '2026-03-05T01:00:00Z', true)].sort(byNewest)
    expect(list.map((b) => b.id)).toEqual(['b', 'a'])
    expect(batchStateLabel(list[0]!)).toBe('公示已结束')
    expect(batchStateLabel(list[1]!)).toBe('公示中')
    expect(listFileName(list[0]!)).toBe('公示名单_2026-03-02_2026-03-10.xlsx')
  })

  it('reads the download name from Content-Disposition', () => {
    expect(fileNameOf(`attachment; filename="notice.xlsx"; filename*=UTF-8''${encodeURIComponent('公示名单.xlsx')}`)).toBe('公示名单.xlsx')
    expect(fileNameOf('attachment; filename="notice.xlsx"')).toBe('notice.xlsx')
    expect(fileNameOf(null)).toBeNull()
  })
})
