// Loss against training step for one or more runs (a legend names them; lines also differ by dash).
import { catalogue } from '../../../i18n/index.ts';
import { significant } from '../format.ts';
import { seriesColors } from '../palette.ts';
import { LinePath } from './marks.tsx';
import { Plot } from './Plot.tsx';

export const lossCurveStrings = catalogue('kit.LossCurve', {
  title: 'Training loss',
  step: 'step',
  loss: 'loss',
  logLoss: 'loss (log scale)',
  empty: 'No training steps yet.',
  describe: (parts: string[]) => parts.join(' '),
  run: (name: string, steps: number, first: string, last: string) => `${name}: ${steps} steps, loss from ${first} to ${last}.`,
});

export interface LossSeries {
  name: string;
  losses: readonly number[];
  /** Step of each loss (default 0, 1, 2, …). */
  steps?: readonly number[];
}

export function LossCurve({ series, width = 360, height = 200, log = false, title = lossCurveStrings.title }: { series: readonly LossSeries[]; width?: number; height?: number; log?: boolean; title?: string }) {
  const all = series.flatMap((s) => s.losses.filter((v) => Number.isFinite(v) && (!log || v > 0)));
  const lastStep = Math.max(1, ...series.map((s) => (s.steps?.length ? s.steps[s.steps.length - 1] : s.losses.length - 1)));
  const lo = all.length ? Math.min(...all) : log ? 0.01 : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const yDomain: [number, number] = log ? [Math.max(lo * 0.8, 1e-6), Math.max(hi * 1.25, lo * 10)] : [0, hi > 0 ? hi * 1.08 : 1];
  const described = series.filter((s) => s.losses.length > 0);
  const description = described.length
    ? lossCurveStrings.describe(
        described.map((s) => lossCurveStrings.run(s.name, s.steps?.length ? s.steps[s.steps.length - 1] + 1 : s.losses.length, significant(s.losses[0], 3, { trailingZeros: true }), significant(s.losses[s.losses.length - 1], 3, { trailingZeros: true }))),
      )
    : lossCurveStrings.empty;
  return (
    <div className="loss-curve">
      <Plot width={width} height={height} x={{ domain: [0, lastStep], label: lossCurveStrings.step }} y={{ domain: yDomain, label: log ? lossCurveStrings.logLoss : lossCurveStrings.loss, log }} title={title} description={description}>
        {series.map((s, k) => (
          <LinePath key={s.name} points={s.losses.map((v, i) => [s.steps?.[i] ?? i, v] as const)} color={seriesColors[k % seriesColors.length]} dashed={k % 2 === 1} />
        ))}
      </Plot>
      {series.length > 1 ? (
        <ul className="plot-legend">
          {series.map((s, k) => (
            <li key={s.name}>
              <svg width="24" height="10" aria-hidden="true">
                <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColors[k % seriesColors.length]} strokeWidth="3" strokeDasharray={k % 2 === 1 ? '6 4' : undefined} />
              </svg>{' '}
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
