/** A registry held in memory: the demo people, or the entries of REGISTRY_FILE. */
import { readFileSync } from 'node:fs'
import { ConfigError } from '../config'
import type { CardQuery, Registry, RegistryEntry } from './registry'

const normalize = (query: CardQuery): string =>
  [query.name.trim(), query.idNumber.trim().toUpperCase(), query.cardNumber.trim().toUpperCase()].join('|')

export function createMemoryRegistry(entries: readonly RegistryEntry[]): Registry {
  const byKey = new Map(entries.map((entry) => [normalize(entry), entry]))
  return {
    async verify(query) {
      const entry = byKey.get(normalize(query))
      return entry === undefined ? null : { ...entry }
    },
  }
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
    v.pensionMonths >= 0
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
        `REGISTRY_FILE 第 ${index + 1} 项应为 {name, idNumber, cardNumber, cardIssued, financialAccountActive, pensionMonths}。`,
      )
    }
  })
  return (parsed as RegistryEntry[]).map(({ name, idNumber, cardNumber, cardIssued, financialAccountActive, pensionMonths }) => ({
    name,
    idNumber,
    cardNumber,
    cardIssued,
    financialAccountActive,
    pensionMonths,
  }))
}
