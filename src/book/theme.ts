// Light and dark themes. `<html data-theme>` is set before the first paint by the inline script in
// index.html (no flash); it follows the system until the reader picks one with the toggle, which
// is then remembered in localStorage under `dll-theme`.
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'dll-theme';

const listeners = new Set<() => void>();

function readTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage disabled: the theme still works for this visit
  }
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  for (const listener of listeners) listener();
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // not remembered, but applied
  }
  apply(theme);
}

export function toggleTheme(): void {
  setTheme(readTheme() === 'dark' ? 'light' : 'dark');
}

let systemQuery: MediaQueryList | null = null;
const onSystemChange = (event: MediaQueryListEvent) => {
  if (storedTheme() === null) apply(event.matches ? 'dark' : 'light');
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!systemQuery && typeof matchMedia === 'function') {
    systemQuery = matchMedia('(prefers-color-scheme: dark)');
    systemQuery.addEventListener('change', onSystemChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && systemQuery) {
      systemQuery.removeEventListener('change', onSystemChange);
      systemQuery = null;
    }
  };
}

/** The current theme, or null on the server and during hydration (the HTML does not know it). */
export function useTheme(): Theme | null {
  return useSyncExternalStore<Theme | null>(subscribe, readTheme, () => null);
}
