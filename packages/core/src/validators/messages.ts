/**
 * Wording shared by the validators' messages, so the same advice reads the same for every
 * number the applicant types.
 */

/** '（现在是N位）' when `value` does not have the `expected` number of characters, else ''. */
export function lengthNote(value: string, expected: number): string {
  const length = [...value].length
  return length === expected ? '' : `（现在是${length}位）`
}

/**
 * A wrong check character (ID number, credit code): nearly always one mistyped character or two
 * neighbours swapped, the two errors a MOD 11-2 or MOD 31 check character is made to catch.
 */
export function checkCharMessage(number: string, compareWith = ''): string {
  return `${number}最后一位（校验码）与前17位不符，请${compareWith}逐位核对，常见原因是某一位输错或相邻两位颠倒`
}
