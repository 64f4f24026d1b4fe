/**
 * Whether the application may be submitted, and if not, every reason in plain words: the form
 * must be complete and valid (core's validation), the applicant eligible online (core's report),
 * and every required photo uploaded.
 */
import { formBody, provisionalFacts, requiredDocuments, validateApplicationForm, type DocumentRequirement } from '@zhihui/core'
import { useMemo } from 'react'
import { useDraftStore } from '@/stores/draft'
import { today } from '@/utils/today'
import { useLiveEligibility } from './use-eligibility'

export function useSubmitReadiness(busy: boolean) {
  const form = useDraftStore((s) => s.form)
  const binding = useDraftStore((s) => s.binding)
  const photos = useDraftStore((s) => s.photos)
  const serverReport = useDraftStore((s) => s.serverEligibility)
  const report = useLiveEligibility(form, binding, serverReport)
  const day = today()

  const required: DocumentRequirement[] = useMemo(() => requiredDocuments(provisionalFacts(form), 'online').filter((d) => d.photo), [form])

  const blockers = useMemo(() => {
    const list: string[] = []
    if (!binding) list.push('请先绑定社会保障卡。')
    if (!validateApplicationForm(formBody(form), { today: day }).ok) {
      list.push('申请信息还有未填写或有误的项目，请返回“填写信息”修改。')
    }
    if (report?.channel === 'window') list.push('您的情况需要到人才服务窗口办理，不能在线提交。')
    else if (report && !report.eligible) list.push('按目前的信息尚不符合申请条件，详见“核对信息”页。')
    const missing = required.filter((d) => !photos[d.kind]).map((d) => d.label)
    if (missing.length > 0) list.push(`还需上传：${missing.join('、')}。`)
    if (busy) list.push('请等待照片上传完成。')
    return list
  }, [binding, form, day, report, required, photos, busy])

  return { required, blockers, ready: blockers.length === 0 }
}
