// Whether the screen is phone-sized, by the same query at which the shared controls stack
// (training.css, controls): a figure then takes a taller, narrower shape, so that the whole of it
// stays within a phone's reach.
import { useEffect, useState } from 'react';

const NARROW = '(max-width: 32rem)';
const narrowNow = () => typeof matchMedia === 'function' && matchMedia(NARROW).matches;

export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(narrowNow);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(NARROW);
    const update = () => setNarrow(m.matches);
    update();
    m.addEventListener('change', update);
    return () => m.removeEventListener('change', update);
  }, []);
  return narrow;
}
