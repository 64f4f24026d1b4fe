/**
 * Taro renders a page by setData into a tree under `root`: each node has `sid` (its id in the
 * page), `uid` (the id the code gave it), `cl` (classes), `cn` (children) and text nodes `v`.
 * These helpers read that tree the way the WXML templates would show it.
 */
export interface TaroNode {
  sid?: string
  uid?: string
  cl?: string
  v?: string
  nn?: string | number
  cn?: TaroNode[]
  [prop: string]: unknown
}

/** Applies one setData patch ('root.cn.[0].cn.[2].v' style paths) to `data`. */
export function applyPatch(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(patch)) {
    const keys = path
      .replace(/\[(\d+)\]/g, '$1')
      .split('.')
      .filter(Boolean)
    let target: Record<string, unknown> = data
    keys.forEach((key, index) => {
      if (index === keys.length - 1) {
        target[key] = value
        return
      }
      const next = target[key]
      if (typeof next !== 'object' || next === null) target[key] = /^\d+$/.test(keys[index + 1] ?? '') ? [] : {}
      target = target[key] as Record<string, unknown>
    })
  }
}

export function walk(node: unknown, visit: (n: TaroNode) => void): void {
  if (typeof node !== 'object' || node === null) return
  const n = node as TaroNode
  visit(n)
  if (Array.isArray(n.cn)) for (const child of n.cn) walk(child, visit)
}

/** All text on the page, in order. */
export function textOf(root: unknown): string {
  const parts: string[] = []
  walk(root, (n) => {
    if (typeof n.v === 'string') parts.push(n.v)
  })
  return parts.join('')
}

export function findByUid(root: unknown, uid: string): TaroNode | undefined {
  let found: TaroNode | undefined
  walk(root, (n) => {
    if (!found && n.uid === uid) found = n
  })
  return found
}

export function findByClass(root: unknown, className: string): TaroNode[] {
  const found: TaroNode[] = []
  walk(root, (n) => {
    if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className)) found.push(n)
  })
  return found
}
