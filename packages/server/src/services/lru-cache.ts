/**
 * A small least-recently-used map: enough for per-process caches of immutable facts.
 *
 * A hit moves its entry to the young end only once it has drifted into the older half (judged by
 * insertions since it was last placed): moving it on every hit cost every authenticated request
 * two map deletions and insertions, and an entry in the younger half is in no danger of eviction.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; placed: number }>()
  private placements = 0

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    if (this.placements - entry.placed > this.capacity / 2) this.place(key, entry)
    return entry.value
  }

  set(key: K, value: V): void {
    this.place(key, { value, placed: 0 })
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (oldest.done !== true) this.entries.delete(oldest.value)
    }
  }

  private place(key: K, entry: { value: V; placed: number }): void {
    entry.placed = this.placements++
    this.entries.delete(key)
    this.entries.set(key, entry)
  }
}
