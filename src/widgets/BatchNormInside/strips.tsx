// Marks for strip plots whose rows are stages of one batch (before and after the layer, or the
// same batch in two modes): each example a dot, jittered up and down within its row so that equal
// values stay visible; the same example joined from row to row; a bracket under a row spanning
// mean ± standard deviation with a tick at the mean.
import { Dots, usePlotScales } from '../kit/index.ts';

/** Rows are drawn at y = 0, 1, 2 … (from the bottom); a dot strays at most this far from its row. */
const JITTER = 0.22;
/** Where a row's bracket sits, below its dots. */
const BRACKET_BELOW = 0.4;

/** A fixed vertical offset for example i (the golden-ratio sequence: spread evenly, no randomness). */
export const jitterOf = (i: number) => (((i * 0.6180339887) % 1) - 0.5) * 2 * JITTER;

/** The y axis for `rows` rows, with room for a bracket below the lowest row and one above the highest. */
export const rowDomain = (rows: number): [number, number] => [-0.55, rows - 0.3];

/** Dots shrink as the batch grows, so that 256 of them still read as a strip. */
export function dotSize(n: number, presenting: boolean): number {
  const size = n <= 16 ? 42 : n <= 64 ? 22 : 10;
  return presenting ? size * 1.6 : size;
}

export interface StripRow {
  /** The row's position (0 at the bottom). */
  at: number;
  values: readonly number[];
  /** Colour and marker shape (a class index). */
  cls: number;
}

/** Every row's dots, and (for small batches, where they stay readable) the lines joining each example. */
export function Strips({ rows, presenting, link }: { rows: StripRow[]; presenting: boolean; link: boolean }) {
  const { x, y } = usePlotScales();
  const n = rows[0]?.values.length ?? 0;
  const paths = link
    ? Array.from({ length: n }, (_, i) =>
        rows
          .map((r) => [x(r.values[i]), y(r.at + jitterOf(i))] as const)
          .filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py))
          .map(([px, py], k) => `${k ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`)
          .join(''),
      )
    : [];
  return (
    <g>
      {paths.map((d, i) => (
        <path key={i} className="bni-link" d={d} fill="none" />
      ))}
      {rows.map((r) => (
        <Dots key={r.at} points={r.values.map((v, i) => ({ x: v, y: r.at + jitterOf(i), cls: r.cls }))} size={dotSize(n, presenting)} opacity={n > 64 ? 0.7 : 1} />
      ))}
    </g>
  );
}

/**
 * mean ± std beside row `at`: a horizontal bar with end caps and a taller tick at the mean, below
 * the row's dots (or above them, `above`), with an optional label beside it on the side with room.
 */
export function Bracket({ at, mean, std, dashed = false, above = false, color = 'currentColor', label }: { at: number; mean: number; std: number; dashed?: boolean; above?: boolean; color?: string; label?: string }) {
  const { x, y, inner, textPx } = usePlotScales();
  if (!Number.isFinite(mean) || !Number.isFinite(std)) return null;
  const yb = y(at + (above ? BRACKET_BELOW : -BRACKET_BELOW));
  const cap = 5;
  const [a, m, b] = [x(mean - std), x(mean), x(mean + std)];
  // 0.6 em a character: a generous estimate of the label's width.
  const room = label ? label.length * 0.6 * textPx + 8 : 0;
  const right = inner.left + inner.width - b >= room || inner.left + inner.width - b >= a - inner.left;
  return (
    <g className="bni-bracket">
      <g stroke={color} strokeDasharray={dashed ? '4 3' : undefined}>
        <line x1={a} x2={b} y1={yb} y2={yb} />
        <line x1={a} x2={a} y1={yb - cap} y2={yb + cap} />
        <line x1={b} x2={b} y1={yb - cap} y2={yb + cap} />
      </g>
      <line x1={m} x2={m} y1={yb - 2 * cap} y2={yb + cap} stroke={color} />
      {label ? (
        <text x={right ? b + 6 : a - 6} y={yb} dy="0.32em" textAnchor={right ? 'start' : 'end'} className="plot-mark-label">
          {label}
        </text>
      ) : null}
    </g>
  );
}
