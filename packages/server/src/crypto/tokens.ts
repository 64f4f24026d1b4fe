/** Bearer tokens: random, handed out once, stored only as a SHA-256 hash. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const newToken = (): string => randomBytes(32).toString('base64url')

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

/** Compares hashes of equal length, so the time taken says nothing about the secret. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(tokenHash(a), 'hex'), Buffer.from(tokenHash(b), 'hex'))
}
