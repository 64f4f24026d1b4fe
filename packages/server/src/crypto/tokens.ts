/** Bearer tokens: random, handed out once, stored only as a SHA-256 hash. */
import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto'

export const newToken = (): string => randomBytes(32).toString('base64url')

/**
 * Runs on every authenticated request: the one-shot hash() costs a third of a Hash object. It
 * arrived in Node 20.12; earlier 20.x releases (allowed by `engines`) build the Hash object.
 */
export const tokenHash: (token: string) => string =
  typeof hash === 'function'
    ? (token) => hash('sha256', token, 'hex')
    : (token) => createHash('sha256').update(token, 'utf8').digest('hex')

/** Compares hashes of equal length, so the time taken says nothing about the secret. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(tokenHash(a), 'hex'), Buffer.from(tokenHash(b), 'hex'))
}
