import type { LRUCache } from 'lru-cache';

/**
 * A new least-recently-used cache of at most `max` entries (and with `size`, entries of at most
 * `maxSize` in all, each counted by `sizeOf`), with lru-cache loaded on the first call.
 * Imported at the top, lru-cache is evaluated at every start of every bundle, and its evaluation loads
 * node:diagnostics_channel and makes its tracing channels: about 15 million instructions of a small
 * contract's cold CLI run (docs/performance.md), which keeps no text caches (./text-caches.ts) and so
 * never makes one. The language server makes its caches on its first review.
 */
export function newLruCache<K extends {}, V extends {}>(max: number, size?: { maxSize: number; sizeOf: (value: V, key: K) => number }): LRUCache<K, V> {
  const { LRUCache: Cache } = require('lru-cache') as typeof import('lru-cache');
  return new Cache<K, V>(size ? { max, maxSize: size.maxSize, sizeCalculation: size.sizeOf } : { max });
}
