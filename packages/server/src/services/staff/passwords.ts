/** argon2id password hashes (RFC 9106, OWASP's minimum of 19 MiB, 2 passes) and temporary passwords. */
import { randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// The const enum Algorithm cannot be imported under isolatedModules; 2 is Argon2id.
const ARGON2ID = 2
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

let dummy: Promise<string> | undefined
/** Checked for unknown names, so an unknown name takes as long to refuse as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword('no-such-account-password')
  await verifyPassword(await dummy, password)
}

// No 0/O, 1/l/I: a temporary password is read out or typed from a screen.
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '-_!#%+']

/** 16 characters from every class, for a new or reset account; shown once, must be changed at first sign-in. */
export function temporaryPassword(): string {
  const all = ALPHABETS.join('')
  const chars = ALPHABETS.map((set) => set[randomInt(set.length)]!)
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!)
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  return chars.join('')
}
