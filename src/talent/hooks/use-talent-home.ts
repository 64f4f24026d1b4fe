/**
 * The talent's profile and the service catalogue, fresh each time the page is shown. Not yet
 * verified (404): the empty state, and the page sends the talent to the verification.
 */
import { useDidShow } from '@tarojs/taro'
import type { TalentProfile, TalentServicesResponse } from '@zhihui/core'
import { useAsync } from '@/hooks/use-async'
import { isApiError } from '@/services/api-error'
import { fetchTalentProfile, fetchTalentServices } from '@/services/talent'

export interface TalentHome {
  talent: TalentProfile
  services: TalentServicesResponse['services']
}

async function load(): Promise<TalentHome | undefined> {
  let talent: TalentProfile
  try {
    talent = (await fetchTalentProfile()).talent
  } catch (error) {
    if (isApiError(error) && error.status === 404) return undefined
    throw error
  }
  return { talent, services: (await fetchTalentServices()).services }
}

export function useTalentHome() {
  const { state, reload } = useAsync(load, { auto: false })
  useDidShow(() => {
    void reload()
  })
  return { state, reload }
}
