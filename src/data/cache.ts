/**
 * A small least-recently-used cache whose entries expire.
 *
 * Contract: keys are strings; an entry lives `ttlMs` from when it was set (by the given clock)
 * and at most `size` entries are kept, the least recently read or written going first.
 */
import type { Clock } from './timing.js';

/** A bounded LRU map with a time-to-live per entry. */
export class ExpiringLruCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly size: number,
    private readonly ttlMs: number,
    private readonly now: Clock,
  ) {}

  /** The live value under `key`, marked as most recently used; undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` under `key`, evicting the least recently used entries beyond the size. */
  set(key: string, value: V): void {
    if (this.size <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
  }
}
