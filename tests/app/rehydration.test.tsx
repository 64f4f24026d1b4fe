import { render, screen } from '@testing-library/react'
import { EMPTY_FORM_VALUES } from '@zhihui/core'
import PhotosPage from '@/pages/apply/photos/index'
import InfoPage from '@/pages/apply/info/index'
import { useDraftStore } from '@/stores/draft'
import { usePreferencesStore } from '@/stores/preferences'
import { STORAGE_KEYS } from '@/stores/taro-storage'
import { inputValue } from './support/dom'
import { BINDING, COMPLETE_FORM, ID_NUMBER } from './support/people'
import { storage } from './support/taro-mock'
import { resetStores } from './support/stores'

jest.mock('@/platform/photo', () => ({ choosePhoto: jest.fn() }))

function fillDraft() {
  const draft = useDraftStore.getState()
  draft.setBinding(BINDING)
  draft.patchForm(COMPLETE_FORM)
  draft.setPhoto({ kind: 'id-card', photoId: 'p-id', localPath: '/tmp/id.jpg', bytes: 123_000 })
  draft.setPhoto({ kind: 'hukou', photoId: 'p-hukou', localPath: '/tmp/hukou.jpg', bytes: 98_000 })
  draft.ensureSubmissionKey()
}

/** What is on the device's storage, as the next launch will find it. */
function snapshot(): Map<string, unknown> {
  return new Map(storage)
}

function reopen(saved: Map<string, unknown>): void {
  resetStores()
  storage.clear()
  for (const [k, v] of saved) storage.set(k, v)
}

describe('closing and reopening the mini-program', () => {
  it('stores the draft through Taro storage, without any unmasked number', () => {
    fillDraft()
    const stored = storage.get(STORAGE_KEYS.draft)
    expect(typeof stored).toBe('string')
    const parsed = JSON.parse(stored as string) as { state: { form: unknown; photos: Record<string, unknown> } }
    expect(parsed.state.form).toEqual(COMPLETE_FORM)
    expect(Object.keys(parsed.state.photos)).toEqual(['id-card', 'hukou'])
    expect(stored).toContain(BINDING.idNumberMasked)
    expect(stored).not.toContain(ID_NUMBER)
  })

  it('a fresh launch reads the draft before the first render', () => {
    fillDraft()
    const key = useDraftStore.getState().submissionKey
    const saved = snapshot()
    reopen(saved)
    let state: ReturnType<typeof useDraftStore.getState> | undefined
    jest.isolateModules(() => {
      // A new module registry: the store is created again, as on a cold start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('@/stores/draft') as typeof import('@/stores/draft')
      state = fresh.useDraftStore.getState()
    })
    expect(state?.form).toEqual(COMPLETE_FORM)
    expect(state?.binding).toEqual(BINDING)
    expect(state?.photos['hukou']).toEqual({ kind: 'hukou', photoId: 'p-hukou', localPath: '/tmp/hukou.jpg', bytes: 98_000 })
    expect(state?.submissionKey).toBe(key)
  })

  it('every field and every uploaded photo is back on the pages', async () => {
    fillDraft()
    const saved = snapshot()
    reopen(saved)
    expect(useDraftStore.getState().form['details.mobile']).toBe('')
    await useDraftStore.persist.rehydrate()
    render(<InfoPage />)
    expect(inputValue('mobile')).toBe(COMPLETE_FORM['details.mobile'])
    expect(inputValue('school')).toBe(COMPLETE_FORM['details.school'])
    expect(inputValue('employer')).toBe(COMPLETE_FORM['facts.employment.employer'])
    expect(document.querySelector('[data-field="hukouDistrict"]')?.textContent).toContain('金水区')
  })

  it('uploaded photos show as uploaded after a restart', async () => {
    fillDraft()
    const saved = snapshot()
    reopen(saved)
    await useDraftStore.persist.rehydrate()
    render(<PhotosPage />)
    expect(screen.getByTestId('photo-id-card').getAttribute('data-status')).toBe('uploaded')
    expect(screen.getByTestId('photo-hukou').getAttribute('data-status')).toBe('uploaded')
    expect(screen.getByTestId('photo-graduation-certificate').getAttribute('data-status')).toBe('empty')
  })

  it('a draft from an older version (form by field id) is read into core’s FormValues, gaining the fields it lacked', async () => {
    storage.set(
      STORAGE_KEYS.draft,
      JSON.stringify({ state: { form: { mobile: '13803711234', hukouDistrict: '金水区', hukouInZhengzhou: false }, photos: {} }, version: 1 }),
    )
    await useDraftStore.persist.rehydrate()
    expect(useDraftStore.getState().form).toEqual({
      ...EMPTY_FORM_VALUES,
      'details.mobile': '13803711234',
      'facts.hukou.district': '金水区',
      'facts.hukou.inZhengzhou': false,
    })
  })

  it('a current draft keeps its values, and gains a field added to FORM_FIELDS since', async () => {
    const { 'details.chsiVerificationCode': _added, ...older } = COMPLETE_FORM
    storage.set(STORAGE_KEYS.draft, JSON.stringify({ state: { form: older, photos: {} }, version: 2 }))
    await useDraftStore.persist.rehydrate()
    expect(useDraftStore.getState().form).toEqual(COMPLETE_FORM)
  })

  it('remembers elderly mode', async () => {
    usePreferencesStore.getState().setElderly(true)
    const saved = snapshot()
    reopen(saved)
    expect(usePreferencesStore.getState().elderly).toBe(false)
    await usePreferencesStore.persist.rehydrate()
    expect(usePreferencesStore.getState().elderly).toBe(true)
  })
})
