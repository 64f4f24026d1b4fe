/**
 * The rejection form's logic (packages/console/src/pages/application/reasons.ts): the reasons
 * sent are exactly what the applicant will read, and an empty rejection is refused in Chinese.
 */
import { DOCUMENT_REASONS, FIELD_REASONS } from '@zhihui/core'
import {
  addTarget,
  buildReasons,
  FREE_TEXT_CODE,
  previewLines,
  rejectionProblem,
  removeTarget,
  setNote,
  targetLabel,
  toggleCode,
  type RejectionDraft,
} from '../../packages/console/src/pages/application/reasons'

const message = (kind: keyof typeof DOCUMENT_REASONS, code: string) => DOCUMENT_REASONS[kind].find((r) => r.code === code)!.message

describe('buildReasons', () => {
  it('takes every ticked catalogue reason with its catalogue message, then the free text', () => {
    let draft: RejectionDraft = {}
    draft = addTarget(draft, 'hukou')
    draft = toggleCode(draft, 'hukou', 'PAGE', true)
    draft = toggleCode(draft, 'hukou', 'UNREADABLE', true)
    draft = setNote(draft, 'hukou', '  第二页缺少落户日期。 ')
    draft = addTarget(draft, 'facts.graduationDate')
    draft = toggleCode(draft, 'facts.graduationDate', 'MISMATCH', true)

    expect(buildReasons(draft)).toEqual([
      // catalogue order, not click order
      { target: 'hukou', code: 'UNREADABLE', message: message('hukou', 'UNREADABLE') },
      { target: 'hukou', code: 'PAGE', message: '请上传户口本本人页（不是户主页或首页）。' },
      { target: 'hukou', code: FREE_TEXT_CODE, message: '第二页缺少落户日期。' },
      { target: 'facts.graduationDate', code: 'MISMATCH', message: FIELD_REASONS[1]?.message },
    ])
  })

  it('sends free text alone as a reason of its target', () => {
    const draft = setNote(addTarget({}, 'details.mobile'), 'details.mobile', '手机号码无法接通，请填写本人常用号码。')
    expect(buildReasons(draft)).toEqual([{ target: 'details.mobile', code: FREE_TEXT_CODE, message: '手机号码无法接通，请填写本人常用号码。' }])
  })

  it('drops an unticked reason and a removed target', () => {
    let draft = toggleCode(addTarget({}, 'id-card'), 'id-card', 'EXPIRED', true)
    draft = toggleCode(draft, 'id-card', 'EXPIRED', false)
    draft = toggleCode(draft, 'id-card', 'INCOMPLETE', true)
    draft = toggleCode(draft, 'id-card', 'INCOMPLETE', true) // twice is once
    draft = toggleCode(addTarget(draft, 'hukou'), 'hukou', 'PAGE', true)
    draft = removeTarget(draft, 'hukou')
    expect(buildReasons(draft)).toEqual([{ target: 'id-card', code: 'INCOMPLETE', message: message('id-card', 'INCOMPLETE') }])
  })

  it('previews each reason as the applicant app shows it', () => {
    const draft = setNote(toggleCode(addTarget({}, 'degree-certificate'), 'degree-certificate', 'WRONG_DOCUMENT', true), 'facts.hukou.settledOn', '落户日期应为户口本上的日期。')
    expect(previewLines(buildReasons(draft))).toEqual([
      '✗ 学位证照片：上传的不是学位证书，请上传学位证书原件的照片。',
      '✗ 落户日期：落户日期应为户口本上的日期。',
    ])
  })

  it('names targets with core labels', () => {
    expect(targetLabel('business-license')).toBe('营业执照照片')
    expect(targetLabel('facts.employment.employer')).toBe('工作单位名称')
  })
})

describe('rejectionProblem', () => {
  it('refuses an empty rejection in Chinese', () => {
    expect(rejectionProblem({})).toBe('请至少选择一项证件或填写项，并写明不通过的原因。')
  })

  it('refuses a target with neither a reason nor a note', () => {
    const draft = addTarget(toggleCode(addTarget({}, 'id-card'), 'id-card', 'EXPIRED', true), 'hukou')
    expect(rejectionProblem(draft)).toBe('「户口本照片」还没有选择原因或填写说明，请选择原因或移除该项。')
    expect(rejectionProblem(setNote(draft, 'hukou', '   '))).toMatch(/还没有选择原因/)
  })

  it('refuses a note over 500 characters', () => {
    expect(rejectionProblem(setNote({}, 'details.school', '长'.repeat(501)))).toBe('「毕业院校」的说明不能超过500字。')
  })

  it('accepts a rejection with at least one reason', () => {
    expect(rejectionProblem(toggleCode({}, 'id-card', 'EXPIRED', true))).toBeNull()
  })
})
