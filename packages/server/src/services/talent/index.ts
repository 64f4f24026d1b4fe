/**
 * The high-level talent services as one module: the talent's side, the staff's side, the news
 * feed, the portraits, and the typed channel on the server's event bus that carries new requests
 * to open staff streams.
 */
import type { EventBus } from '../../bus'
import type { TalentDeps } from './deps'
import { talentBusOver } from './event-bus'
import { createNewsService } from './news-service'
import { createTalentPhotos } from './talent-photos'
import { createTalentService } from './talent-service'
import { createTalentStaffService } from './talent-staff-service'

export function createTalentModule(deps: Omit<TalentDeps, 'bus'> & { eventBus: EventBus }) {
  const { eventBus, ...rest } = deps
  const bus = talentBusOver(eventBus, deps.warn)
  const full: TalentDeps = { ...rest, bus }
  const photos = createTalentPhotos(deps.warn)
  return {
    bus,
    applicant: createTalentService(full),
    staff: createTalentStaffService(full, photos),
    news: createNewsService(full),
    photos,
  }
}

export type TalentModule = ReturnType<typeof createTalentModule>
export type { TalentDeps } from './deps'
export { TALENT_CHANNEL, type TalentBusEvent, type TalentEventBus } from './event-bus'
