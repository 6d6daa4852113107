// The right view: the measured variance of the mini-batch gradient against the batch size on
// log-log axes, the theory line σ²/B·(N − B)/(N − 1) it must sit on, the line σ²/B of drawing with
// replacement for comparison, and the chosen batch size ringed. B = N has variance 0, which a log
// axis cannot show: a mark at the bottom edge says so.
import { LinePath, Plot, RuleX, usePlotScales } from '../kit/index.ts';
import { classColors } from '../kit/palette.ts';
import { batchSizes, N, theoryVariance } from './problem.ts';
import { MINI_STYLE } from './SurfacePlot.tsx';
import { minibatchStrings as s } from './strings.ts';

export const BATCH_DOMAIN: [number, number] = [0.8, 260];
/** Wide enough for σ² anywhere on the plane at B = 1, and for B = 128 at the minimum. */
export const VARIANCE_DOMAIN: [number, number] = [0.01, 500];
export const THEORY_COLOR = classColors[0];

/** Batch sizes along the curve, evenly spaced in log B from 1 to just short of N (where the theory is 0). */
const CURVE_B = Array.from({ length: 80 }, (_, i) => Math.exp((Math.log(N - 0.5) * i) / 79));

function MeasuredDots({ variances, chosen }: { variances: readonly number[]; chosen: number }) {
  const { x, y, inner, textPx } = usePlotScales();
  const bottom = inner.top + inner.height;
  // Marks grow with the text when presenting.
  const u = textPx / 12;
  return (
    <g aria-hidden="true">
      {batchSizes.map((b, i) => {
        const v = variances[i];
        const px = x(b);
        // B = N measures 0 (up to rounding): a triangle pointing down at the bottom edge.
        const zero = b >= N;
        const py = zero ? bottom - 7 * u : y(v);
        if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
        return (
          <g key={b}>
            {i === chosen ? <circle cx={px} cy={py} r={10 * u} fill="none" stroke={MINI_STYLE.color} strokeWidth={3.5 * u} /> : null}
            {zero ? (
              <>
                <path d={`M${px - 6 * u},${py - 5 * u}L${px + 6 * u},${py - 5 * u}L${px},${py + 5 * u}Z`} fill="var(--text, #000)" />
                <text x={px - 10 * u} y={py} dy="0.35em" textAnchor="end" className="plot-mark-label">
                  {s.zeroLabel}
                </text>
              </>
            ) : (
              <circle cx={px} cy={py} r={4.5 * u} fill="var(--text, #000)" stroke="var(--bg, #fff)" strokeWidth={1.5} />
            )}
          </g>
        );
      })}
    </g>
  );
}

export interface VariancePlotProps {
  size: { width: number; height: number };
  sigma2: number | null;
  variances: readonly number[] | null;
  chosen: number;
  description: string;
}

export function VariancePlot({ size, sigma2, variances, chosen, description }: VariancePlotProps) {
  const theory = sigma2 === null ? [] : CURVE_B.map((b) => [b, theoryVariance(sigma2, b)] as [number, number]);
  const replacement = sigma2 === null ? [] : CURVE_B.map((b) => [b, sigma2 / b] as [number, number]);
  return (
    <Plot
      {...size}
      x={{ domain: BATCH_DOMAIN, label: s.batchAxis, log: true }}
      y={{ domain: VARIANCE_DOMAIN, label: s.varianceAxis, log: true }}
      title={s.varianceTitle}
      description={description}
      margin={{ left: 48, bottom: 40, right: 12 }}
    >
      <RuleX x={batchSizes[chosen]} color={MINI_STYLE.color} />
      <LinePath points={replacement} color="var(--text-muted, #666)" width={1.5} dashed />
      <LinePath points={theory} color={THEORY_COLOR} width={2.5} />
      {variances ? <MeasuredDots variances={variances} chosen={chosen} /> : null}
    </Plot>
  );
}
