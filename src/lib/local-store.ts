import * as v from 'valibot';

/** A value kept in localStorage as JSON, validated on read, with change notifications. */
export interface LocalStore<T> {
  /** The saved value, or `fallback` when none is saved or it doesn't validate. Stable identity. */
  load(): T;
  /**
   * Saves and notifies subscribers.
   * @throws when localStorage refuses the write (quota, or storage disabled).
   */
  save(value: T): void;
  /** For `useSyncExternalStore`; also follows changes made in other tabs. */
  subscribe(listener: () => void): () => void;
}

/** Creates a {@link LocalStore} under `key`, validating with a valibot `schema`. */
export function createLocalStore<T>(
  key: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: T,
): LocalStore<T> {
  const listeners = new Set<() => void>();
  let cached: { raw: string | null; value: T } | undefined;

  function readRaw(): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  return {
    load() {
      const raw = readRaw();
      if (cached?.raw === raw) return cached.value;
      let value = fallback;
      try {
        const parsed = v.safeParse(schema, JSON.parse(raw ?? 'null'));
        if (parsed.success) value = parsed.output;
      } catch {
        value = fallback;
      }
      cached = { raw, value };
      return value;
    },
    save(value) {
      localStorage.setItem(key, JSON.stringify(value));
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === key) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}
