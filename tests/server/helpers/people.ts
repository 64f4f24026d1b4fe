/**
 * Registry people for tests, made on the fly: valid GB 11643 ID numbers (the check character is
 * computed here independently of core, so a core bug cannot hide behind its own helper).
 */
import type { RegistryEntry } from '../../../packages/server/src/registry'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function idWithCheck(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return first17 + CHECK[sum % 11]!
}

/** Person number n: born in 2000 (+n days), Zhengzhou 金水区 address code, card T + 8 digits. */
export function testPerson(n: number, card: Partial<RegistryEntry> = {}): RegistryEntry {
  const birth = new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const sequence = String(100 + (n % 900)).padStart(3, '0')
  return {
    name: '张测试',
    idNumber: idWithCheck(`410105${birth}${sequence}`),
    cardNumber: `T${String(n).padStart(8, '0')}`,
    cardIssued: true,
    financialAccountActive: true,
    pensionMonths: 12,
    ...card,
  }
}

/** 200 eligible people, then the special cases at fixed numbers. */
export const SPECIAL = { twoPensionMonths: 900, inactiveAccount: 901 } as const

export function testRegistry(): RegistryEntry[] {
  const people = Array.from({ length: 200 }, (_, n) => testPerson(n))
  people.push(testPerson(SPECIAL.twoPensionMonths, { pensionMonths: 2 }))
  people.push(testPerson(SPECIAL.inactiveAccount, { financialAccountActive: false }))
  return people
}
