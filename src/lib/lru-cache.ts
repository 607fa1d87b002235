/** A map that keeps its `limit` most recently used entries (read or written). */
export interface LruCache<V> {
  /** The value for `key`, now the most recently used; `undefined` when not kept. */
  get(key: string): V | undefined;
  /** Keeps `value` for `key`, forgetting the least recently used entry when full. */
  set(key: string, value: V): void;
}

/** An empty {@link LruCache} of at most `limit` entries. */
export function createLruCache<V>(limit: number): LruCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      // Most recently used goes last, so the oldest is evicted first.
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      if (entries.size >= limit) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      entries.set(key, value);
    },
  };
}
