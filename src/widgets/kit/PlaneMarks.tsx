// Marks for an input plane inside the kit's <Plot>: the line w₁x₁ + w₂x₂ + b = 0 with a label,
// and the weight vector drawn as an arrow from the line, showing which side has z > 0.
import { usePlotScales } from './plot/Plot.tsx';
import { clipLine } from './plane.ts';

interface BoundaryProps {
  w1: number;
  w2: number;
  b: number;
  label?: string;
  color?: string;
  dashed?: string;
  width?: number;
  /** Draw the weight vector as an arrow from the line towards z > 0. */
  arrow?: boolean;
  arrowLabel?: string;
}

export function BoundaryLine({ w1, w2, b, label, color = 'currentColor', dashed, width = 2.5, arrow = false, arrowLabel = 'w' }: BoundaryProps) {
  const { x, y, inner } = usePlotScales();
  const [lo, hi] = x.domain();
  const seg = clipLine(w1, w2, b, Math.min(lo, hi), Math.max(lo, hi));
  if (!seg) return null;
  const [[ax, ay], [cx, cy]] = seg;
  const norm = Math.hypot(w1, w2);
  // The arrow starts at the middle of the visible segment and has length 1 in data units.
  const mx = (ax + cx) / 2;
  const my = (ay + cy) / 2;
  const tx = mx + w1 / norm;
  const ty = my + w2 / norm;
  const px = [x(mx), y(my), x(tx), y(ty)];
  const angle = Math.atan2(px[3] - px[1], px[2] - px[0]);
  const head = 9;
  const headPath = `M${px[2]},${px[3]} L${px[2] - head * Math.cos(angle - 0.45)},${px[3] - head * Math.sin(angle - 0.45)} L${px[2] - head * Math.cos(angle + 0.45)},${px[3] - head * Math.sin(angle + 0.45)} Z`;
  // The label sits near the segment's upper end, clear of the arrow in the middle.
  const [ex, ey] = ay >= cy ? [ax + (cx - ax) * 0.12, ay + (cy - ay) * 0.12] : [cx + (ax - cx) * 0.12, cy + (ay - cy) * 0.12];
  const lx = x(ex);
  const ly = y(ey);
  return (
    <g className="plane-boundary" aria-hidden="true">
      <line x1={x(ax)} y1={y(ay)} x2={x(cx)} y2={y(cy)} stroke={color} strokeWidth={width} strokeDasharray={dashed} />
      {label ? (
        <text
          x={lx > inner.left + inner.width / 2 ? lx - 8 : lx + 8}
          y={ly < inner.top + 14 ? ly + 14 : ly - 6}
          textAnchor={lx > inner.left + inner.width / 2 ? 'end' : 'start'}
          className="plot-mark-label"
        >
          {label}
        </text>
      ) : null}
      {arrow && norm > 0 ? (
        <g>
          <line x1={px[0]} y1={px[1]} x2={px[2]} y2={px[3]} stroke={color} strokeWidth={2} />
          <path d={headPath} fill={color} />
          <text x={px[2] + 6 * Math.cos(angle)} y={px[3] + 6 * Math.sin(angle)} dy="0.35em" className="plot-mark-label">
            {arrowLabel}
          </text>
        </g>
      ) : null}
    </g>
  );
}
