/**
 * De-identified display of ID and card numbers. GB/T 35273-2020《个人信息安全规范》§7.2
 * (个人信息的展示限制) asks that personal information shown on screens be de-identified; every
 * response and screen that is not the applicant checking their own entry uses these.
 *
 * - ID number: first 4 and last 4 characters kept, the rest '*':
 *   410105199001011234 → 4101**********1234. The first 4 name only the city of issue and the
 *   last 4 the sequence and check character, so birth date and county stay hidden, and the
 *   applicant still recognises their own number. Shorter than 15 characters (not an ID number
 *   of either generation) everything is masked, so a fragment never shows mostly in clear.
 * - Social-security card number (9 characters): first 1 and last 2 kept, A12345678 → A******78,
 *   at most 3 characters of 9 in clear. Shorter than 7 characters everything is masked.
 *
 * The length is kept so the masked form still looks like the number it stands for. Neither
 * function throws: odd input (empty, short, not even a string at run time) gives a safe result.
 */

function maskKeeping(input: unknown, head: number, tail: number, minLength: number): string {
  if (typeof input !== 'string') return ''
  // Code points, so a stray non-BMP character is never split into half a surrogate pair.
  const chars = [...input.trim()]
  if (chars.length < minLength) return '*'.repeat(chars.length)
  const hidden = chars.length - head - tail
  return chars.slice(0, head).join('') + '*'.repeat(hidden) + chars.slice(chars.length - tail).join('')
}

export function maskIdNumber(id: string): string {
  return maskKeeping(id, 4, 4, 15)
}

export function maskCardNumber(card: string): string {
  return maskKeeping(card, 1, 2, 7)
}
