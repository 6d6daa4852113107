// A value kept in the browser (localStorage) that React components follow: every component reading
// it re-renders when any of them sets it, or when another tab of the book does. Storage that is
// missing or refused (private modes, a full quota) leaves the value in memory for this page only.
// Nothing here ever leaves the machine.
import { useSyncExternalStore } from 'react';

export interface StoredValue<T> {
  get(): T;
  set(value: T): void;
  /** The value in a component: the fallback on the server and while hydrating, then the stored one. */
  use(): T;
}

/** `parse` turns the stored text into a value (or the fallback when it is not one); `write` back to text. */
export function storedValue<T>(key: string, fallback: T, parse: (text: string) => T | undefined, write: (value: T) => string = String): StoredValue<T> {
  const listeners = new Set<() => void>();
  let memory: { text: string | null } | null = null;
  let cache: { text: string | null; value: T } | null = null;

  const read = (): string | null => {
    if (memory) return memory.text;
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const get = (): T => {
    const text = read();
    if (cache && cache.text === text) return cache.value;
    const value = text === null ? fallback : (parse(text) ?? fallback);
    cache = { text, value };
    return value;
  };
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === key || event.key === null) notify();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (listeners.size === 1) window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) window.removeEventListener('storage', onStorage);
    };
  };
  return {
    get,
    set(value) {
      const text = write(value);
      try {
        localStorage.setItem(key, text);
        memory = null;
      } catch {
        memory = { text };
      }
      notify();
    },
    use: () => useSyncExternalStore(subscribe, get, () => fallback),
  };
}
