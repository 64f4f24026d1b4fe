/** A registry held in memory: the demo people, or the entries of REGISTRY_FILE. */
import { readFileSync } from 'node:fs'
import { isYearMonth, type RegistryState } from '@zhihui/core'
import { ConfigError } from '../config'
import type { CardItem, Registry, RegistryEntry } from './registry'

const upper = (value: string): string => value.trim().toUpperCase()

const NOBODY: RegistryState = { cardActive: false, financialAccountActive: false, pensionPaid: false }

/** A month's state of an entry: the card's state, unless the entry lists a lapse that month. */
export function monthlyStateOf(entry: RegistryEntry, month: string): RegistryState {
  const base: RegistryState = {
    cardActive: entry.cardIssued,
    financialAccountActive: entry.financialAccountActive,
    pensionPaid: entry.pensionMonths > 0,
  }
  const lapse = entry.lapses?.[month]
  return lapse === undefined ? base : { ...base, ...lapse }
}

export function createMemoryRegistry(entries: readonly RegistryEntry[]): Registry {
  // One map, by ID number: a city's file holds hundreds of thousands of entries.
  const byId = new Map(entries.map((entry) => [upper(entry.idNumber), entry]))
  return {
    async verify(query) {
      // Name, ID number and card number must all belong to the one entry.
      const entry = byId.get(upper(query.idNumber))
      if (entry === undefined || entry.name.trim() !== query.name.trim() || upper(entry.cardNumber) !== upper(query.cardNumber)) return null
      return { ...entry }
    },
    async mismatchOf(query) {
      // No entry has this ID number: the number is the item to check. Else the entry tells which.
      const entry = byId.get(upper(query.idNumber))
      if (entry === undefined) return ['idNumber']
      const items: CardItem[] = []
      if (entry.name.trim() !== query.name.trim()) items.push('name')
      if (upper(entry.cardNumber) !== upper(query.cardNumber)) items.push('cardNumber')
      return items
    },
    async monthlyStates(queries) {
      return queries.map(({ idNumber, cardNumber, month }) => {
        const entry = byId.get(upper(idNumber))
        if (entry === undefined) return NOBODY
        // The subsidy goes to the card bound; a replaced card's account no longer receives it.
        if (upper(entry.cardNumber) !== upper(cardNumber)) return NOBODY
        return monthlyStateOf(entry, month)
      })
    },
  }
}

const STATE_KEYS: readonly (keyof RegistryState)[] = ['cardActive', 'financialAccountActive', 'pensionPaid']

function isLapses(value: unknown): boolean {
  if (value === undefined) return true
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.entries(value).every(
    ([month, lapse]) =>
      isYearMonth(month) &&
      typeof lapse === 'object' &&
      lapse !== null &&
      Object.entries(lapse).every(([key, flag]) => (STATE_KEYS as readonly string[]).includes(key) && typeof flag === 'boolean'),
  )
}

function isEntry(value: unknown): value is RegistryEntry {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.name === 'string' &&
    typeof v.idNumber === 'string' &&
    typeof v.cardNumber === 'string' &&
    typeof v.cardIssued === 'boolean' &&
    typeof v.financialAccountActive === 'boolean' &&
    typeof v.pensionMonths === 'number' &&
    Number.isInteger(v.pensionMonths) &&
    v.pensionMonths >= 0 &&
    isLapses(v.lapses)
  )
}

export function loadRegistryFile(file: string): RegistryEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`REGISTRY_FILE（${file}）无法读取或不是 JSON：${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`REGISTRY_FILE（${file}）应为 JSON 数组。`)
  parsed.forEach((entry, index) => {
    if (!isEntry(entry)) {
      throw new ConfigError(
        `REGISTRY_FILE 第 ${index + 1} 项应为 {name, idNumber, cardNumber, cardIssued, financialAccountActive, pensionMonths, lapses?}；lapses 形如 {"2026-09": {"pensionPaid": false}}。`,
      )
    }
  })
  // The parsed entries themselves, not copies: a city's file holds hundreds of thousands.
  return parsed as RegistryEntry[]
}
