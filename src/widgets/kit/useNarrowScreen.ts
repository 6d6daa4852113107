// Whether the screen is phone-sized: by default the query at which the shared controls stack
// (training.css, controls); '600px' is the widget frame's own breakpoint. A figure then takes a
// taller, narrower shape, so that the whole of it stays within a phone's reach.
import { useEffect, useState } from 'react';

const narrowNow = (query: string) => typeof matchMedia === 'function' && matchMedia(query).matches;

export function useNarrowScreen(maxWidth: '32rem' | '600px' = '32rem'): boolean {
  const query = `(max-width: ${maxWidth})`;
  const [narrow, setNarrow] = useState(() => narrowNow(query));
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(query);
    const update = () => setNarrow(m.matches);
    update();
    m.addEventListener('change', update);
    return () => m.removeEventListener('change', update);
  }, [query]);
  return narrow;
}
