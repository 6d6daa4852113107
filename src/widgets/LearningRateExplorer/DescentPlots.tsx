// The two pictures of one run: the iterates on the loss curve, each step an arrow to the next
// point (as textbooks draw it), and the distance to the minimum against the step on a log scale,
// where a constant multiplier is a straight line. Both keep the range the start sets, so a run
// that flies off is clipped at the edge instead of stretching the axes.
import { classColor, Dots, LinePath, Plot, RuleX, RuleY, usePlotScales } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import { DIVERGED_FACTOR, lossAt, shapeOf, TARGET, viewOf, type DescentRun } from './descent.ts';
import { rateStrings as s } from './strings.ts';

const CURVE_SAMPLES = 161;
const DOT = 4.5;
/** Distances below this share of the start's are drawn on the bottom edge (float32 ends near 10⁻⁷). */
const FLOOR_SHARE = 1e-6;

type Point = [number, number];

/** The part of segment a→b inside the rectangle (Liang–Barsky), or null when it misses it. */
function clipSegment(a: Point, b: Point, box: { left: number; top: number; right: number; bottom: number }): [Point, Point] | null {
  const d: Point = [b[0] - a[0], b[1] - a[1]];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-d[0], a[0] - box.left],
    [d[0], box.right - a[0]],
    [-d[1], a[1] - box.top],
    [d[1], box.bottom - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  if (t0 > t1) return null;
  return [
    [a[0] + t0 * d[0], a[1] + t0 * d[1]],
    [a[0] + t1 * d[0], a[1] + t1 * d[1]],
  ];
}

/** Arrows from each iterate to the next, shortened to leave the dots clear; too short ones left out. */
function StepArrows({ w, loss, color }: { w: number[]; loss: number[]; color: string }) {
  const { x, y, inner, id } = usePlotScales();
  const box = { left: inner.left - 2, top: inner.top - 2, right: inner.left + inner.width + 2, bottom: inner.top + inner.height + 2 };
  const arrows: [Point, Point][] = [];
  for (let t = 0; t + 1 < w.length; t++) {
    const clipped = clipSegment([x(w[t]), y(loss[t])], [x(w[t + 1]), y(loss[t + 1])], box);
    if (!clipped) continue;
    const [a, b] = clipped;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 2 * DOT + 10) continue;
    const u = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    arrows.push([
      [a[0] + u[0] * DOT, a[1] + u[1] * DOT],
      [b[0] - u[0] * (DOT + 1), b[1] - u[1] * (DOT + 1)],
    ]);
  }
  const marker = `${id}-arrow`;
  return (
    <g aria-hidden="true">
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill={color} />
        </marker>
      </defs>
      {arrows.map(([a, b], i) => (
        <line key={i} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} stroke={color} strokeWidth={1.75} markerEnd={`url(#${marker})`} />
      ))}
    </g>
  );
}

function StartLabel({ w, loss }: { w: number; loss: number }) {
  const { x, y, textPx } = usePlotScales();
  return (
    <text x={x(w)} y={y(loss) - textPx * 0.9} textAnchor="middle" className="plot-mark-label">
      {s.startMark}
    </text>
  );
}

export function LossPlot({ run, curvature, eta, width, height }: { run: DescentRun; curvature: number; eta: number; width: number; height: number }) {
  const view = viewOf(run.w);
  const top = lossAt(view[0], curvature) * 1.05;
  const curve = Array.from({ length: CURVE_SAMPLES }, (_, i): [number, number] => {
    const w = view[0] + ((view[1] - view[0]) * i) / (CURVE_SAMPLES - 1);
    return [w, lossAt(w, curvature)];
  });
  // Points off the drawn range are left out rather than clipped: clipped, they would still reach
  // past the page's edge for layout and the figure audit.
  const visible = run.w.map((w, t) => ({ x: w, y: run.loss[t], cls: 0 })).filter((p) => p.x >= view[0] && p.x <= view[1]);
  const color = classColor(0);
  const shape = shapeOf(run);
  return (
    <Plot
      width={width}
      height={height}
      x={{ domain: view, label: s.wAxis }}
      y={{ domain: [0, top], label: s.lossAxis }}
      title={s.lossTitle}
      description={s.lossDescription({
        target: shortNumber(TARGET),
        lambda: shortNumber(curvature),
        eta: shortNumber(eta),
        points: run.w.slice(0, 6).map((w, t) => s.pointText(t, shortNumber(w))).join(', '),
        shown: visible.length,
        run: s.runShape(shape.oscillates, shape.trend),
        total: run.w.length,
      })}
    >
      <LinePath points={curve} color="var(--text-muted)" width={2} />
      <RuleX x={TARGET} label={s.minimumMark} />
      <StepArrows w={run.w} loss={run.loss} color={color} />
      <Dots points={visible} size={60} />
      <StartLabel w={run.w[0]} loss={run.loss[0]} />
    </Plot>
  );
}

export function DistancePlot({ run, multiplier, steps, width, height }: { run: DescentRun; multiplier: number; steps: number; width: number; height: number }) {
  const d0 = Math.abs(run.w[0] - TARGET);
  const ref = d0 > 0 ? d0 : 1;
  const floor = ref * FLOOR_SHARE;
  const top = ref * DIVERGED_FACTOR * 8;
  const shown = (d: number) => Math.min(top * 100, Math.max(floor, d));
  const maths = Array.from({ length: steps + 1 }, (_, t): [number, number] => [t, shown(Math.abs(multiplier) ** t * d0)]);
  const dots = run.w.map((w, t) => ({ x: t, y: shown(Math.abs(w - TARGET)), cls: w < TARGET ? 1 : 0 }));
  return (
    <div>
      <Plot
        width={width}
        height={height}
        x={{ domain: [0, steps], label: s.stepAxis }}
        y={{ domain: [floor, top], label: s.distanceAxis, log: true }}
        title={s.distanceTitle}
        description={s.distanceDescription({
          multiplier: shortNumber(Math.abs(multiplier)),
          floor: shortNumber(floor),
          distances: run.w
            .slice(0, 8)
            .map((w, t) => s.pointText(t, shortNumber(Math.abs(w - TARGET))))
            .join(', '),
        })}
      >
        {d0 > 0 ? <RuleY y={d0 * DIVERGED_FACTOR} label={s.divergedMark} /> : null}
        <LinePath points={maths} color="var(--text-muted)" width={1.5} dashed />
        <Dots points={dots} size={42} />
      </Plot>
      <ul className="plot-legend" aria-hidden="true">
        <li>
          <svg width="12" height="12">
            <circle cx="6" cy="6" r="5" fill={classColor(0)} />
          </svg>{' '}
          {s.legendAbove}
        </li>
        <li>
          <svg width="12" height="12">
            <path d="M6,1 L11,11 L1,11 z" fill={classColor(1)} />
          </svg>{' '}
          {s.legendBelow}
        </li>
        <li>
          <svg width="24" height="10">
            <line x1="0" x2="24" y1="5" y2="5" stroke="var(--text-muted)" strokeWidth="2" strokeDasharray="6 4" />
          </svg>{' '}
          {s.legendLine}
        </li>
      </ul>
    </div>
  );
}
