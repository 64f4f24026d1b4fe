/**
 * The talent registry (design.md, "High-level talent services"): who the city has certified as
 * high-level talent, and in which tier. A talent verifies with name, ID number and certificate
 * number, all three of one entry. `TALENT_REGISTRY_FILE` is a JSON array of entries
 * `{name, idNumber, tier, certificateNo}` (optionally `photoFile`, a portrait beside the file, and
 * `initials` for the drawn one); without it the demo talents serve development, and production
 * has an empty registry (nobody verifies; main.ts says so at start) rather than made-up talents.
 */
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { isTalentTierId, type TalentTierId } from '@zhihui/core'
import { ConfigError } from '../config'
import { DEMO_TALENTS } from './demo-talents'

export interface TalentRegistryEntry {
  name: string
  idNumber: string
  tier: TalentTierId
  certificateNo: string
  /** Absolute path of a JPEG or PNG portrait; without one a portrait is drawn. */
  photoFile?: string
  /** Latin initials drawn on the portrait (the server has no CJK font to rely on). */
  initials?: string
}

export interface TalentQuery {
  name: string
  idNumber: string
  certificateNo: string
}

export interface TalentRegistry {
  /** The entry holding all three, or null. */
  verify(query: TalentQuery): Promise<TalentRegistryEntry | null>
}

export type TalentRegistrySource = 'file' | 'demo' | 'empty' | 'custom'

const keyOf = (query: TalentQuery): string =>
  [query.name.trim(), query.idNumber.trim().toUpperCase(), query.certificateNo.trim().toUpperCase()].join('|')

export function createMemoryTalentRegistry(entries: readonly TalentRegistryEntry[]): TalentRegistry {
  const byKey = new Map(entries.map((entry) => [keyOf(entry), entry]))
  return {
    async verify(query) {
      const entry = byKey.get(keyOf(query))
      return entry === undefined ? null : { ...entry }
    },
  }
}

const optionalText = (value: unknown): boolean => value === undefined || (typeof value === 'string' && value.trim() !== '')

function isEntry(value: unknown): value is TalentRegistryEntry {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.name === 'string' &&
    typeof v.idNumber === 'string' &&
    typeof v.certificateNo === 'string' &&
    isTalentTierId(v.tier) &&
    optionalText(v.photoFile) &&
    (v.initials === undefined || (typeof v.initials === 'string' && /^[A-Za-z]{1,3}$/.test(v.initials)))
  )
}

export function loadTalentRegistryFile(file: string): TalentRegistryEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`TALENT_REGISTRY_FILE（${file}）无法读取或不是 JSON：${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`TALENT_REGISTRY_FILE（${file}）应为 JSON 数组。`)
  return parsed.map((entry: unknown, index) => {
    if (!isEntry(entry)) {
      throw new ConfigError(
        `TALENT_REGISTRY_FILE 第 ${index + 1} 项应为 {name, idNumber, tier, certificateNo}，tier 为 top、national-leading、local-leading、local-outstanding、plan-1125 或 other。`,
      )
    }
    const { name, idNumber, tier, certificateNo, photoFile, initials } = entry
    return {
      name,
      idNumber,
      tier,
      certificateNo,
      ...(photoFile !== undefined ? { photoFile: isAbsolute(photoFile) ? photoFile : resolve(dirname(file), photoFile) } : {}),
      ...(initials !== undefined ? { initials: initials.toUpperCase() } : {}),
    }
  })
}

export function createTalentRegistry(config: { talentRegistryFile?: string; production: boolean }): {
  registry: TalentRegistry
  source: TalentRegistrySource
} {
  if (config.talentRegistryFile !== undefined) {
    return { registry: createMemoryTalentRegistry(loadTalentRegistryFile(config.talentRegistryFile)), source: 'file' }
  }
  if (config.production) {
    // The demo talents are made up: in production without a registry file nobody is certified,
    // and the talent services answer everyone with the talent office's phone.
    return { registry: createMemoryTalentRegistry([]), source: 'empty' }
  }
  return { registry: createMemoryTalentRegistry(DEMO_TALENTS), source: 'demo' }
}
