/** `page` and `pageSize` of a paged staff list: 1-based, at most 100 rows a page. */
import { invalid } from '../../errors'

export function readPage(query: Record<string, unknown>, defaultSize = 20): { page: number; pageSize: number } {
  const number = (name: string, fallback: number, max: number): number => {
    const raw = query[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1 || value > max) throw invalid(name, `${name === 'page' ? '页码' : '每页条数'}应为 1 到 ${max} 之间的整数。`)
    return value
  }
  return { page: number('page', 1, 100_000), pageSize: number('pageSize', defaultSize, 100) }
}
