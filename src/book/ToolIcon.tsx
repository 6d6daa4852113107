// Small line icons for a figure's header buttons. Shown in place of the buttons' words where the
// words would not fit on one row (presenting on a short screen), and beside them in a phone's
// figure menu; the words stay in the button for screen readers, so its name is the same either way.

const PATHS = {
  /** Present: four corners turned outwards. */
  present: 'M3 9V3h6M21 9V3h-6M3 15v6h6M21 15v6h-6',
  /** Leave presenting: four corners turned inwards. */
  leave: 'M9 3v6H3M15 3v6h6M9 21v-6H3M15 21v-6h6',
  /** Copy a link: two links of a chain. */
  link: 'M10 14a4 4 0 0 0 5.7 0l3.5-3.5a4 4 0 0 0-5.7-5.7L12 6.3M14 10a4 4 0 0 0-5.7 0l-3.5 3.5a4 4 0 0 0 5.7 5.7l1.5-1.5',
  /** Start again: an arrow going round. */
  reset: 'M4 12a8 8 0 1 0 2.4-5.7M4 3v5h5',
  /** The figure's menu (a phone): three dots in a row. */
  more: 'M5 12h0M12 12h0M19 12h0',
} as const;

/** Lines are 2 units wide in a 24-unit box; the menu's dots are drawn as round ends of 4. */
const STROKE: Partial<Record<keyof typeof PATHS, number>> = { more: 4.5 };

export function ToolIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="tool-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth={STROKE[name] ?? 2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
