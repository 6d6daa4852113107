// The reader's choice to keep the address bar in step with the figures: while it is on, every
// change to a figure's controls rewrites that figure's parameter in the address (and a figure back
// in its chapter's state drops it), so the address is always a link to what the page shows; Back
// is not filled with one entry per slider step (the entry is replaced). Off by default; remembered.
import { storedValue } from './stored.ts';

export const addressInStep = storedValue<boolean>(
  'dll-address-in-step',
  false,
  (text) => (text === 'on' ? true : text === 'off' ? false : undefined),
  (on) => (on ? 'on' : 'off'),
);
