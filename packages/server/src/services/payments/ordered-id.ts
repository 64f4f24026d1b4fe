/**
 * Time-ordered ids (the UUID version 7 layout, RFC 9562: 48 bits of Unix milliseconds, then
 * random bits) for the rows a payment run writes by the hundred thousand. A random UUID lands on a
 * random page of the primary-key index, and at a few hundred thousand rows a run those pages no
 * longer fit the database's cache; ids that grow with time are appended at the index's end.
 */
import { randomBytes } from 'node:crypto'

let lastMs = 0
let sequence = 0
/** Random bytes drawn 16 KB at a time: one system call per thousand ids, not one per id. */
let pool = Buffer.alloc(0)
let offset = 0

function random16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomBytes(16 * 1024)
    offset = 0
  }
  offset += 16
  return Buffer.from(pool.subarray(offset - 16, offset))
}

export function orderedId(now: number = Date.now()): string {
  // Within one millisecond a 12-bit counter keeps the ids in the order they were made.
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff
    if (sequence === 0) lastMs += 1
  } else {
    lastMs = now
    sequence = 0
  }
  const bytes = random16()
  const ms = lastMs
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff
  bytes[2] = (ms >>> 24) & 0xff
  bytes[3] = (ms >>> 16) & 0xff
  bytes[4] = (ms >>> 8) & 0xff
  bytes[5] = ms & 0xff
  bytes[6] = 0x70 | (sequence >>> 8)
  bytes[7] = sequence & 0xff
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
