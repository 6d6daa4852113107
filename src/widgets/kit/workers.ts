// Whether the page may start a dedicated worker for a widget's training.
export function workersAvailable(): boolean {
  if (typeof Worker === 'undefined') return false;
  // Test builds can force the main-thread path (`?worker=off`) to check it and to compare.
  if (import.meta.env.MODE === 'test' && typeof location !== 'undefined' && new URLSearchParams(location.search).get('worker') === 'off') return false;
  return true;
}

