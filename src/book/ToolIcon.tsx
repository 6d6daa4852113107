// Small line icons for a figure's header buttons. Shown in place of the buttons' words only where
// the words would not fit on one row (a phone; presenting on a short screen); the words stay in the
// button for screen readers, so its name is the same either way.

const PATHS = {
  /** Present: four corners turned outwards. */
  present: 'M3 9V3h6M21 9V3h-6M3 15v6h6M21 15v6h-6',
  /** Leave presenting: four corners turned inwards. */
  leave: 'M9 3v6H3M15 3v6h6M9 21v-6H3M15 21v-6h6',
  /** Copy a link: two links of a chain. */
  link: 'M10 14a4 4 0 0 0 5.7 0l3.5-3.5a4 4 0 0 0-5.7-5.7L12 6.3M14 10a4 4 0 0 0-5.7 0l-3.5 3.5a4 4 0 0 0 5.7 5.7l1.5-1.5',
  /** Start again: an arrow going round. */
  reset: 'M4 12a8 8 0 1 0 2.4-5.7M4 3v5h5',
} as const;

export function ToolIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="tool-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
