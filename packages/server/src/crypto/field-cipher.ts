/**
 * ID and card numbers at rest: AES-256-GCM (authenticated, so a tampered value fails to open
 * rather than decrypting to another number) and an HMAC-SHA256 keyed hash for look-ups, so
 * "is this ID number already known?" needs no decryption and the hash is useless without the key.
 * Both keys are derived from the one configured master key with HKDF, so they never coincide.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

export interface FieldCipher {
  encrypt(plain: string): string
  decrypt(stored: string): string
  /** Deterministic: equal inputs give equal hashes, for unique indexes and look-ups. */
  hash(plain: string): string
}

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

function subkey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `zhihui:${purpose}`, 32))
}

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new RangeError('the master key must be 32 bytes')
  const encryptionKey = subkey(masterKey, 'aes-256-gcm')
  const hashKey = subkey(masterKey, 'hmac-sha256')
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
    },
    decrypt(stored) {
      const [version, payload] = stored.split(':')
      if (version !== VERSION || payload === undefined) throw new Error('unknown ciphertext format')
      const raw = Buffer.from(payload, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, IV_BYTES))
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    },
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex')
    },
  }
}
