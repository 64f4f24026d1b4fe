/** Where "在线申请" leads: the step the applicant is at, or their progress once filed. */
import { useDraftStore } from '@/stores/draft'
import { go, ROUTES } from '@/utils/routes'

export function useApplyEntry(): { label: string; open: () => void } {
  const status = useDraftStore((s) => s.status)
  const hasBinding = useDraftStore((s) => Boolean(s.binding))
  const started = useDraftStore((s) => Boolean(s.form['facts.education'] || s.form['facts.graduationDate'] || s.form['details.mobile']))
  // A window filed it: there is nothing to fill in here, only the progress to follow.
  const atWindow = useDraftStore((s) => s.channel === 'window' && s.status !== 'withdrawn')

  if (atWindow || (status && status !== 'draft' && status !== 'withdrawn')) {
    return { label: '查看我的申请', open: () => go(ROUTES.progress) }
  }
  if (!hasBinding) return { label: '在线申请', open: () => go(ROUTES.bindCard) }
  return { label: started ? '继续填写申请' : '在线申请', open: () => go(ROUTES.info) }
}
