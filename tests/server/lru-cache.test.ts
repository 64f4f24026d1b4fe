/** The per-process caches' eviction: bounded, and what is used stays. */
import { LruCache } from '../../packages/server/src/services/lru-cache'

it('never holds more than its capacity, forgetting the oldest first', () => {
  const cache = new LruCache<number, string>(4)
  for (let i = 0; i < 10; i++) cache.set(i, `v${i}`)
  expect([0, 1, 2, 3, 4, 5].map((i) => cache.get(i))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
  expect([6, 7, 8, 9].map((i) => cache.get(i))).toEqual(['v6', 'v7', 'v8', 'v9'])
})

it('keeps an entry that is read at least once every capacity/2 insertions, however many pass', () => {
  const cache = new LruCache<string, number>(10)
  cache.set('hot', 1)
  for (let i = 0; i < 1_000; i++) {
    cache.set(`cold-${i}`, i)
    if (i % 5 === 0) expect(cache.get('hot')).toBe(1)
  }
  expect(cache.get('hot')).toBe(1)
  expect(cache.get('cold-0')).toBeUndefined()
})

it('replaces the value of a key that is set again', () => {
  const cache = new LruCache<string, number>(2)
  cache.set('a', 1)
  cache.set('a', 2)
  cache.set('b', 3)
  expect(cache.get('a')).toBe(2)
  expect(cache.get('b')).toBe(3)
})
