import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError } from '../../packages/server/src/config'
import { loadRegistryFile } from '../../packages/server/src/registry/memory-registry'

const dir = mkdtempSync(join(tmpdir(), 'registry-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
function file(text: string | Buffer): string {
  const path = join(dir, `registry-${(n += 1)}.json`)
  writeFileSync(path, text)
  return path
}

const entry = (i: number, extra: object = {}) => ({
  name: `测试${i}`,
  idNumber: `41010519950101${String(1000 + i).slice(-4)}`,
  cardNumber: `A${String(i).padStart(8, '0')}`,
  cardIssued: i % 3 !== 0,
  financialAccountActive: i % 5 !== 0,
  pensionMonths: i % 13,
  ...extra,
})

describe('REGISTRY_FILE is read entry by entry', () => {
  it('gives exactly what JSON.parse gives, nested lapses, escapes and braces inside strings included', () => {
    const entries = [
      entry(1, { lapses: { '2026-09': { pensionPaid: false }, '2027-02': { financialAccountActive: false, cardActive: false } } }),
      entry(2, { name: '带"引号"和{括号}与[方括号]\\反斜杠的名字' }),
      ...Array.from({ length: 500 }, (_, i) => entry(i + 3)),
    ]
    const pretty = file(JSON.stringify(entries, null, 2))
    const compact = file(`\ufeff ${JSON.stringify(entries)}\n`)
    expect(loadRegistryFile(pretty)).toEqual(entries)
    expect(loadRegistryFile(compact)).toEqual(entries)
    expect(loadRegistryFile(file('[ ]'))).toEqual([])
  })

  it.each([
    ['an object, not an array', JSON.stringify({ people: [entry(1)] }), /JSON 数组/],
    ['an array of something else', '[1, 2]', /每一项应为对象/],
    ['a truncated file', JSON.stringify([entry(1), entry(2)]).slice(0, -10), /不完整|“,”或“]”/],
    ['content after the array', `${JSON.stringify([entry(1)])} []`, /之后不应再有内容/],
    ['a missing comma', `[${JSON.stringify(entry(1))} ${JSON.stringify(entry(2))}]`, /“,”或“]”/],
    ['an entry that is not JSON', '[{"name": 测试}]', /不是 JSON/],
  ])('refuses %s with a message saying what is wrong', (_, text, message) => {
    const path = file(text)
    expect(() => loadRegistryFile(path)).toThrow(ConfigError)
    expect(() => loadRegistryFile(path)).toThrow(message)
  })

  it('names the entry that does not have the registry shape', () => {
    const path = file(JSON.stringify([entry(1), entry(2), { ...entry(3), pensionMonths: -1 }]))
    expect(() => loadRegistryFile(path)).toThrow('REGISTRY_FILE 第 3 项应为')
  })

  it('says when the file cannot be read', () => {
    expect(() => loadRegistryFile(join(dir, 'missing.json'))).toThrow(/无法读取/)
  })
})
