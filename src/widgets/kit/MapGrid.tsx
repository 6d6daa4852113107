// A grid of numbers drawn as coloured cells (an image, a kernel, a feature map), with optional
// outlined rectangles (the kernel's window, a pooling window, a receptive field) and the values
// written in the cells when they are large enough to read. Shared by the chapter's small figures.
import { useId, type CSSProperties } from 'react';
import { fixed } from './format.ts';
import { useTheme, type Theme } from '../../book/theme.ts';
import { classColors, divergingColor, inkRgb, textOnInk } from './palette.ts';
import './figure.css';

export type CellColor = 'grey' | 'signed';

export interface Outline {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Colour index into the palette (default 1, vermilion). */
  color?: number;
  dashed?: boolean;
}

export interface MapGridProps {
  values: readonly (readonly number[])[];
  cell: number;
  color: CellColor;
  /** For 'grey': values mapped from [lo, hi]; for 'signed': ±scale. */
  scale?: number;
  lo?: number;
  hi?: number;
  outlines?: readonly Outline[];
  /** Cells not yet computed are drawn empty (the output map being built up). */
  filled?: (row: number, col: number) => boolean;
  /** Cells to dim (padding), by position. */
  dim?: (row: number, col: number) => boolean;
  /** Write each value in its cell (only when the cell is at least 22 px). */
  numbers?: boolean;
  format?: (v: number) => string;
  title: string;
  description: string;
  /** Marks one cell; with onSelect a click chooses a cell (the widget also offers sliders). */
  selected?: { row: number; col: number };
  onSelect?: (row: number, col: number) => void;
}

/**
 * A map's figure in a pinned row (figure.css): its share of the row's width, its count of columns
 * (in cells of the row's common size, where a map draws larger cells).
 */
export function mapCells(columns: number): CSSProperties {
  return { '--cells': columns } as CSSProperties;
}

/** A cell's colour: ink on paper in the page's theme for 'grey', blue–orange for 'signed'. */
export function cellFill(v: number, color: CellColor, scale: number, lo: number, hi: number, theme: Theme = 'light'): string {
  if (!Number.isFinite(v)) return '#888';
  if (color === 'signed') return divergingColor(v / (scale || 1));
  const [r, g, b] = inkRgb((v - lo) / (hi - lo || 1), theme);
  return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
}

export function MapGrid({
  values,
  cell,
  color,
  scale = 1,
  lo = 0,
  hi = 1,
  outlines = [],
  filled,
  dim,
  numbers = false,
  format = (v) => fixed(v, Math.abs(v) >= 10 ? 0 : 1, { minus: '-', signedZero: true }),
  title,
  description,
  selected,
  onSelect,
}: MapGridProps) {
  const id = useId().replace(/:/g, '');
  const theme = useTheme() ?? 'light';
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const width = cols * cell + 2;
  const height = rows * cell + 2;
  const writeNumbers = numbers && cell >= 22;
  const picker = Boolean(onSelect);
  return (
    <svg
      className={picker ? 'map-grid map-grid-picker' : 'map-grid'}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g transform="translate(1 1)">
        {values.map((row, r) =>
          row.map((v, c) => {
            const on = filled ? filled(r, c) : true;
            return (
              <g key={`${r}-${c}`} onClick={onSelect ? () => onSelect(r, c) : undefined}>
                <rect
                  x={c * cell}
                  y={r * cell}
                  width={cell}
                  height={cell}
                  fill={on ? cellFill(v, color, scale, lo, hi, theme) : 'transparent'}
                  opacity={dim?.(r, c) ? 0.45 : 1}
                  stroke={cell >= 8 ? 'var(--grid-line, #9995)' : 'none'}
                  strokeWidth={0.5}
                />
                {writeNumbers && on ? (
                  <text x={c * cell + cell / 2} y={r * cell + cell / 2} dominantBaseline="central" textAnchor="middle" className="map-grid-number" fill={textOn(v, color, scale, lo, hi, theme)}>
                    {format(v)}
                  </text>
                ) : null}
              </g>
            );
          }),
        )}
        {outlines.map((o, i) => (
          <rect
            key={i}
            x={o.col * cell}
            y={o.row * cell}
            width={o.cols * cell}
            height={o.rows * cell}
            fill="none"
            stroke={classColors[o.color ?? 1]}
            strokeWidth={Math.max(2, cell / 6)}
            strokeDasharray={o.dashed ? '5 3' : undefined}
            pointerEvents="none"
          />
        ))}
        {selected ? (
          <rect x={selected.col * cell} y={selected.row * cell} width={cell} height={cell} fill="none" stroke={classColors[3]} strokeWidth={Math.max(2, cell / 5)} pointerEvents="none" />
        ) : null}
      </g>
    </svg>
  );
}

/** Dark text on light cells, light text on dark ones. */
function textOn(v: number, color: CellColor, scale: number, lo: number, hi: number, theme: Theme): string {
  if (color === 'grey') return textOnInk((v - lo) / (hi - lo || 1), theme);
  return Math.abs(v / (scale || 1)) > 0.55 ? '#fff' : '#111';
}
