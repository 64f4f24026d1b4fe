/**
 * The one way core reports success or failure. `message` is Chinese and is shown to users as
 * is, so it must say what to fix, not what went wrong inside.
 */
export type Result<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: { code: C; message: string } }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err<C extends string>(code: C, message: string): { ok: false; error: { code: C; message: string } } {
  return { ok: false, error: { code, message } }
}
