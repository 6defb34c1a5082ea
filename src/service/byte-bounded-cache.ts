import { LRUCache } from 'lru-cache';

/** Every cache made here, by name, so /metrics can report their sizes. */
const caches = new Map<string, WeakRef<LRUCache<string, object>>>();

/** The size of a value when the caller does not give one: its JSON length, a fair proxy for its memory. */
export function jsonSize(value: unknown): number {
  return Math.max(1, (JSON.stringify(value) ?? '').length);
}

/**
 * An estimate of the V8 heap a parsed JSON-like value holds: about three to four times its
 * JSON length for objects of short strings and numbers (object headers, property slots,
 * boxed doubles), which is what a cache of parsed documents must be bounded by.
 */
export function heapSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return 16 + ((value.length + 7) & ~7);
    case 'number':
      return Number.isInteger(value) ? 8 : 24;
    case 'object': {
      if (value === null) return 8;
      if (ArrayBuffer.isView(value)) return 96 + value.byteLength;
      if (Array.isArray(value)) {
        let size = 32 + 8 * value.length;
        for (const item of value) size += heapSize(item);
        return size;
      }
      let size = 24;
      for (const [key, item] of Object.entries(value)) size += 8 + heapSize(item) + (key.length > 12 ? key.length : 0);
      return size;
    }
    default:
      return 8;
  }
}

/**
 * A least-recently-used cache bounded by bytes, not entries: a few huge documents cannot
 * hold a gigabyte, and thousands of small ones still fit. `set(key, value, { size })`
 * when the caller knows the size; otherwise it is measured by `size` (JSON length by default,
 * `heapSize` for parsed documents kept whole).
 * An entry larger than the whole budget is simply not kept.
 */
export function byteBoundedCache<V extends object>(name: string, maxBytes: number, size: (value: V) => number = jsonSize): LRUCache<string, V> {
  const cache = new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: (value) => Math.max(1, size(value)) });
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
