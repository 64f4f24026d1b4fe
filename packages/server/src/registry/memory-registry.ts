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
  const entries: RegistryEntry[] = []
  let count = 0
  try {
    for (const slice of topLevelObjects(readFileSync(file))) {
      const entry: unknown = JSON.parse(slice)
      count += 1
      if (!isEntry(entry)) {
        throw new ConfigError(
          `REGISTRY_FILE 第 ${count} 项应为 {name, idNumber, cardNumber, cardIssued, financialAccountActive, pensionMonths, lapses?}；lapses 形如 {"2026-09": {"pensionPaid": false}}。`,
        )
      }
      entries.push(entry)
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(`REGISTRY_FILE（${file}）无法读取或不是 JSON：${(error as Error).message}`)
  }
  return entries
}

const [OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE, QUOTE, BACKSLASH, COMMA] = [0x5b, 0x5d, 0x7b, 0x7d, 0x22, 0x5c, 0x2c]
const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09

/**
 * The entries of a JSON array of objects, one text each, read from the file's bytes. A city's file
 * holds hundreds of thousands of entries (75 MB for 250,000): JSON.parse of the whole text kept
 * that text and every parsed entry alive together, and the heap that grew for it stayed grown for
 * the rest of the process (a payment run peaked near 590 MB). Entry by entry, only the bytes (off
 * the JS heap) and one entry's text are held besides the entries kept. Anything that is not an
 * array of objects is an error naming where it went wrong; each entry is then parsed by JSON.parse.
 */
function* topLevelObjects(bytes: Buffer): Generator<string> {
  let i = 0
  const skipSpace = () => {
    while (isSpace(bytes[i])) i += 1
  }
  const fail = (what: string): never => {
    throw new SyntaxError(`第 ${i + 1} 个字节处应为${what}`)
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3 // a UTF-8 byte-order mark
  skipSpace()
  if (bytes[i] !== OPEN_BRACKET) fail('“[”（文件应为 JSON 数组）')
  i += 1
  skipSpace()
  if (bytes[i] === CLOSE_BRACKET) return
  for (;;) {
    skipSpace()
    if (bytes[i] !== OPEN_BRACE) fail('“{”（数组的每一项应为对象）')
    const start = i
    let depth = 0
    let inString = false
    for (; i < bytes.length; i += 1) {
      const byte = bytes[i]
      if (inString) {
        if (byte === BACKSLASH) i += 1
        else if (byte === QUOTE) inString = false
      } else if (byte === QUOTE) inString = true
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth -= 1
        if (depth === 0) break
      }
    }
    if (i >= bytes.length) fail('“}”（文件不完整）')
    i += 1
    yield bytes.toString('utf8', start, i)
    skipSpace()
    if (bytes[i] === COMMA) {
      i += 1
      continue
    }
    if (bytes[i] === CLOSE_BRACKET) {
      i += 1
      skipSpace()
      if (i < bytes.length) fail('文件结尾（“]”之后不应再有内容）')
      return
    }
    fail('“,”或“]”')
  }
}
