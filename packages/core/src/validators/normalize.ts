/**
 * Input clean-up shared by the validators. Chinese input methods often type full-width forms
 * (`１２３`, `Ｘ`, the ideographic space U+3000); they are the same characters to the user, so
 * they are folded to ASCII before checking instead of being reported as errors.
 *
 * Only the full-width ASCII block (U+FF01–U+FF5E) and U+3000 are folded: a general Unicode
 * normalisation (NFKC) would also rewrite CJK compatibility ideographs, which can be the exact
 * character of a person's name on the ID card.
 */
export function foldFullWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/** Untrusted input (a JSON body may carry anything) as a trimmed, ASCII-folded string; '' if not a string. */
export function cleanInput(input: unknown): string {
  return typeof input === 'string' ? foldFullWidth(input).trim() : ''
}
