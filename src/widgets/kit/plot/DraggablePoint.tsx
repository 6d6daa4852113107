// A point the reader moves with the pointer (mouse, pen, touch) or, once focused, with the arrow
// keys (Shift for ten steps). Its label and position are read out; it stays inside the plot.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { catalogue } from '../../../i18n/index.ts';
import { fixed } from '../format.ts';
import { classColor } from '../palette.ts';
import { usePlotScales } from './Plot.tsx';

export const draggableStrings = catalogue('kit.DraggablePoint', {
  role: 'draggable point',
  position: (label: string, x: string, y: string) => `${label}: (${x}, ${y}). Arrow keys move it.`,
});

export interface DraggablePointProps {
  x: number;
  y: number;
  onMove: (x: number, y: number) => void;
  label: string;
  /** Arrow-key step in data units (default: 1/40 of each axis). */
  step?: number;
  /** Move along one axis only. */
  axis?: 'x' | 'y';
  color?: string;
  radius?: number;
  format?: (v: number) => string;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));

export function DraggablePoint({ x: px, y: py, onMove, label, step, axis, color = classColor(3), radius = 8, format = (v) => fixed(v, 2, { minus: '-', signedZero: true }) }: DraggablePointProps) {
  const { x, y, toData } = usePlotScales();
  const dragging = useRef(false);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  const [x0, x1] = x.domain();
  const [y0, y1] = y.domain();
  const move = (nx: number, ny: number) => {
    const cx = axis === 'y' ? px : clamp(nx, x0, x1);
    const cy = axis === 'x' ? py : clamp(ny, y0, y1);
    if (Number.isFinite(cx) && Number.isFinite(cy)) onMove(cx, cy);
  };
  const onPointerDown = (e: PointerEvent<SVGGElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<SVGGElement>) => {
    if (!dragging.current) return;
    const p = toData(e.clientX, e.clientY);
    if (p) move(p[0], p[1]);
  };
  const onPointerUp = (e: PointerEvent<SVGGElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const sxStep = (step ?? Math.abs(x1 - x0) / 40) * (e.shiftKey ? 10 : 1);
    const syStep = (step ?? Math.abs(y1 - y0) / 40) * (e.shiftKey ? 10 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-sxStep, 0],
      ArrowRight: [sxStep, 0],
      ArrowUp: [0, syStep],
      ArrowDown: [0, -syStep],
    };
    const d = moves[e.key];
    if (!d) return;
    e.preventDefault();
    move(px + d[0], py + d[1]);
  };
  return (
    <g
      className="plot-draggable"
      tabIndex={0}
      role="button"
      aria-roledescription={draggableStrings.role}
      aria-label={draggableStrings.position(label, format(px), format(py))}
      transform={`translate(${x(px)} ${y(py)})`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      {/* A larger transparent target for fingers. */}
      <circle r={radius * 2.2} fill="transparent" />
      <circle className="plot-draggable-dot" r={radius} fill={color} stroke="var(--text, #000)" strokeWidth={2} />
    </g>
  );
}
