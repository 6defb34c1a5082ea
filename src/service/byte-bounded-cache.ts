import { LRUCache } from 'lru-cache';

/** Every cache made here, by name, so /metrics can report their sizes. */
const caches = new Map<string, WeakRef<LRUCache<string, object>>>();

/** The size of a value when the caller does not give one: its JSON length, a fair proxy for its memory. */
export function jsonSize(value: unknown): number {
  return Math.max(1, (JSON.stringify(value) ?? '').length);
}

/**
 * A least-recently-used cache bounded by bytes, not entries: a few huge documents cannot
 * hold a gigabyte, and thousands of small ones still fit. `set(key, value, { size })`
 * when the caller knows the size (a body's length); otherwise it is measured as JSON.
 * An entry larger than the whole budget is simply not kept.
 */
export function byteBoundedCache<V extends object>(name: string, maxBytes: number): LRUCache<string, V> {
  const cache = new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: (value) => jsonSize(value) });
  caches.set(name, new WeakRef(cache as unknown as LRUCache<string, object>));
  return cache;
}

/** Current bytes and entries of each live cache, for metrics. */
export function cacheSizes(): { name: string; bytes: number; entries: number }[] {
  const sizes: { name: string; bytes: number; entries: number }[] = [];
  for (const [name, ref] of caches) {
    const cache = ref.deref();
    if (!cache) caches.delete(name);
    else sizes.push({ name, bytes: cache.calculatedSize, entries: cache.size });
  }
  return sizes;
}
