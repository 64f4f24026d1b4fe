/**
 * Reading untrusted JSON: a body may hold anything, so nothing here assumes a shape. Each field's
 * answer comes back normalised, or as exactly one problem, so a form shows one message per field:
 * the first thing to fix.
 */
export type FormErrorCode =
  | 'REQUIRED'
  | 'INVALID_OPTION'
  | 'INVALID_TYPE'
  | 'TEXT_LENGTH'
  | 'TEXT_CHARACTERS'
  | 'DATE_FORMAT'
  | 'DATE_TOO_LATE'
  | 'DATE_TOO_EARLY'
  | 'CREDIT_CODE_FORMAT'
  | 'CREDIT_CODE_CHECKSUM'
  | 'MOBILE_FORMAT'
  | 'GRADUATION_CERT_FORMAT'
  | 'DEGREE_CERT_FORMAT'
  | 'CHSI_CODE_FORMAT'
  | 'NUMBER_FORMAT'

/** A field's answer: its normalised value, or the one problem to show beside it. */
export type Reading = { ok: true; value: unknown } | { ok: false; code: FormErrorCode; message: string }

export const accept = (value: unknown): Reading => ({ ok: true, value })
export const problem = (code: FormErrorCode, message: string): Reading => ({ ok: false, code, message })

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Not answered: absent, null, or only blanks. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** The value at a dot path ('facts.hukou.district'); undefined wherever the shape is not an object. */
export function readPath(body: unknown, path: string): unknown {
  let node: unknown = body
  for (const part of path.split('.')) node = asRecord(node)[part]
  return node
}

/** Sets the value at a dot path, creating the objects on the way. */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) {
    const next = asRecord(node[part])
    node[part] = next
    node = next
  }
  node[parts[parts.length - 1] as string] = value
}
