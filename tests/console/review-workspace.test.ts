/**
 * The review workspace's pure state: the document checklist ticks as photos are looked at (and by
 * hand), the viewer zooms, turns and moves, and the form is shown with core's labels.
 */
import { EMPLOYMENT_KIND_LABELS, type DocumentRequirement } from '@zhihui/core'
import {
  checklistItems,
  checklistProgress,
  emptyChecklist,
  markViewed,
  setManual,
  type PhotoRef,
} from '../../packages/console/src/pages/application/checklist'
import { actorLabel, formatTime, formRows, formSections, reasonTargets } from '../../packages/console/src/pages/application/format'
import { imageTransform, initialViewer, keyAction, viewerReducer, ZOOM_MAX, ZOOM_MIN } from '../../packages/console/src/pages/application/viewer'

const required: DocumentRequirement[] = [
  { kind: 'id-card', label: '身份证', photo: true },
  { kind: 'hukou', label: '户口本(户口册页)', photo: true },
  { kind: 'graduation-certificate', label: '毕业证', photo: true },
  { kind: 'degree-certificate', label: '学位证', photo: true },
]
const photos: PhotoRef[] = [
  { kind: 'id-card', label: '身份证', photoId: 'p1' },
  { kind: 'hukou', label: '户口本', photoId: 'p2' },
  { kind: 'hukou', label: '户口本', photoId: 'p3' },
  { kind: 'graduation-certificate', label: '毕业证', photoId: 'p4' },
]

describe('document checklist', () => {
  it('starts with nothing ticked and shows a required photo that was never uploaded', () => {
    const items = checklistItems(required, photos, emptyChecklist())
    expect(items.map((i) => i.checked)).toEqual([false, false, false, false])
    expect(items.find((i) => i.kind === 'degree-certificate')).toMatchObject({ missing: true, photos: 0 })
    expect(checklistProgress(items)).toEqual({ done: 0, total: 4, complete: false })
  })

  it('ticks a document once every photo of it has been looked at', () => {
    let state = markViewed(emptyChecklist(), 'p1')
    state = markViewed(state, 'p2')
    let items = checklistItems(required, photos, state)
    expect(items[0]).toMatchObject({ kind: 'id-card', checked: true, by: 'auto' })
    expect(items[1]).toMatchObject({ kind: 'hukou', checked: false, viewedPhotos: 1, photos: 2 })
    state = markViewed(markViewed(state, 'p3'), 'p3')
    expect(state.viewed).toEqual(['p1', 'p2', 'p3'])
    items = checklistItems(required, photos, state)
    expect(items[1]).toMatchObject({ checked: true, by: 'auto' })
    expect(checklistProgress(items)).toEqual({ done: 2, total: 4, complete: false })
  })

  it('lets the reviewer tick and untick by hand, over the automatic tick', () => {
    let state = markViewed(emptyChecklist(), 'p1')
    state = setManual(state, 'id-card', false)
    state = setManual(state, 'degree-certificate', true)
    const items = checklistItems(required, photos, state)
    expect(items[0]).toMatchObject({ checked: false, by: 'manual' })
    expect(items[3]).toMatchObject({ checked: true, by: 'manual' })
  })

  it('is complete when every document is ticked', () => {
    let state = emptyChecklist()
    for (const p of photos) state = markViewed(state, p.photoId)
    state = setManual(state, 'degree-certificate', true)
    expect(checklistProgress(checklistItems(required, photos, state))).toEqual({ done: 4, total: 4, complete: true })
  })
})

describe('photo viewer', () => {
  it('zooms within bounds and turns in quarter turns', () => {
    let s = initialViewer()
    for (let i = 0; i < 20; i++) s = viewerReducer(s, { type: 'zoom-in' }, 3)
    expect(s.zoom).toBe(ZOOM_MAX)
    for (let i = 0; i < 20; i++) s = viewerReducer(s, { type: 'zoom-out' }, 3)
    expect(s.zoom).toBe(ZOOM_MIN)
    s = viewerReducer(s, { type: 'rotate-left' }, 3)
    expect(s.rotation).toBe(270)
    s = viewerReducer(viewerReducer(s, { type: 'rotate-right' }, 3), { type: 'rotate-right' }, 3)
    expect(s.rotation).toBe(90)
    expect(imageTransform(s)).toBe('scale(0.5) rotate(90deg)')
  })

  it('moves between photos, stops at the ends, and starts each photo upright at 100 %', () => {
    let s = viewerReducer(initialViewer(), { type: 'previous' }, 3)
    expect(s.index).toBe(0)
    s = viewerReducer(viewerReducer(s, { type: 'zoom-in' }, 3), { type: 'rotate-right' }, 3)
    s = viewerReducer(s, { type: 'next' }, 3)
    expect(s).toEqual({ index: 1, zoom: 1, rotation: 0 })
    s = viewerReducer(viewerReducer(s, { type: 'next' }, 3), { type: 'next' }, 3)
    expect(s.index).toBe(2)
    expect(viewerReducer(s, { type: 'go', index: 7 }, 3)).toBe(s)
    expect(viewerReducer(s, { type: 'go', index: 0 }, 3).index).toBe(0)
  })

  it('maps the arrow keys to previous and next', () => {
    expect(keyAction('ArrowRight')).toEqual({ type: 'next' })
    expect(keyAction('ArrowLeft')).toEqual({ type: 'previous' })
    expect(keyAction('+')).toEqual({ type: 'zoom-in' })
    expect(keyAction('a')).toBeNull()
  })
})

describe('form and history wording', () => {
  const facts = {
    education: 'master' as const,
    graduationDate: '2025-06-30',
    overseasReturnee: false,
    hukou: { inZhengzhou: true, district: '金水区' as const, settledOn: '2025-08-01' },
    employment: { kind: 'employed' as const, employer: '郑州某科技有限公司' },
  }
  const details = { mobile: '13800000000', school: '郑州大学', major: '软件工程', graduationCertificateNo: '1045912025000123' }

  it('labels the form with core labels, in the form order, skipping empty fields', () => {
    const rows = formRows(facts, details)
    expect(rows.map((r) => r.path)).toEqual([
      'facts.education',
      'details.school',
      'details.major',
      'facts.graduationDate',
      'details.graduationCertificateNo',
      'facts.overseasReturnee',
      'facts.hukou.inZhengzhou',
      'facts.hukou.district',
      'facts.hukou.settledOn',
      'facts.employment.kind',
      'facts.employment.employer',
      'details.mobile',
    ])
    expect(rows[0]).toEqual({ path: 'facts.education', label: '学历', value: '硕士研究生', section: 'education' })
    expect(rows.find((r) => r.path === 'facts.overseasReturnee')?.value).toBe('否')
    expect(rows.find((r) => r.path === 'facts.graduationDate')?.value).toBe('2025-06-30')
    expect(rows.find((r) => r.path === 'facts.employment.kind')?.value).toBe(EMPLOYMENT_KIND_LABELS.employed)
    expect(formSections(rows).map((s) => [s.title, s.rows.length])).toEqual([
      ['学历信息', 6],
      ['户籍信息', 3],
      ['就业信息', 2],
      ['联系方式', 1],
    ])
    expect(rows.some((r) => r.path === 'details.degreeCertificateNo')).toBe(false)
    expect(formRows(null, null)).toEqual([])
  })

  it('offers documents and filled fields as rejection targets', () => {
    const targets = reasonTargets({
      requiredDocuments: required,
      documents: [{ kind: 'id-card', label: '身份证', photoId: 'p1', bytes: 1 }],
      facts,
      details,
    })
    expect(targets.filter((t) => t.group === 'document').map((t) => t.label)).toEqual(['身份证照片', '户口本照片', '毕业证照片', '学位证照片'])
    expect(targets).toContainEqual({ target: 'details.school', label: '毕业院校', group: 'field' })
  })

  it('names the actor by name when known, and shows times in China Standard Time', () => {
    expect(actorLabel({ actor: 'staff:reviewer', actorName: '审核员甲' })).toBe('审核员甲')
    expect(actorLabel({ actor: 'applicant:0f3c', actorName: null })).toBe('申请人')
    expect(actorLabel({ actor: 'reviewer-cli:ops', actorName: null })).toBe('审核命令行（ops）')
    expect(actorLabel({ actor: 'cli', actorName: null })).toBe('审核命令行')
    expect(actorLabel({ actor: 'staff:gone', actorName: null })).toBe('staff:gone')
    expect(formatTime('2026-03-01T16:05:00.000Z')).toBe('2026-03-02 00:05')
    expect(formatTime(null)).toBe('—')
  })
})
