// The scaling panel: what one hidden unit passes on to the next layer under each of 200 random
// masks (0 when dropped, a/(1−p) when kept, or a when the scaling is forgotten), the running mean
// of those values, and the unit's inference value a. With the scaling the mean settles on a; without
// it, on (1−p)·a.
import type { ReactNode } from 'react';
import type { UnitSamples } from '../../models/generalisation/dropout/scaling.ts';
import { Dots, LinePath, Plot, RuleY, seriesColors } from '../kit/index.ts';
import { significant } from '../kit/format.ts';
import { dropoutStrings as s } from './strings.ts';

interface Props {
  samples: UnitSamples;
  p: number;
  scaled: boolean;
  unit: number;
  width: number;
  height: number;
  /** The unit's picker, under the title. */
  children?: ReactNode;
}

const num = (v: number) => significant(v, 3);

export function ScalingPanel({ samples, p, scaled, unit, width, height, children }: Props) {
  const { values, runningMean, mean, inference: a } = samples;
  const n = values.length;
  const kept = Math.max(0, ...values);
  const top = Math.max(kept, a, 1e-9) * 1.15;
  const dots = values.map((v, i) => ({ x: i + 1, y: v, cls: 0 }));
  const silent = !(a > 0);
  return (
    <figure className="drop-panel">
      <figcaption className="drop-panel-title">{s.scalingTitle(unit)}</figcaption>
      {children}
      <Plot
        width={width}
        height={height}
        x={{ domain: [0, n], label: s.maskNumber, ticks: 4 }}
        y={{ domain: [0, silent ? 1 : top], label: s.passed, ticks: 4 }}
        title={s.scalingTitle(unit)}
        description={s.scalingDescription(unit, n, num(a), num(kept), num(mean))}
        margin={{ top: 8, right: 12, bottom: 36 }}
      >
        <Dots points={dots} size={20} opacity={0.6} />
        <LinePath points={runningMean.map((m, i) => [i + 1, m] as const)} color={seriesColors[1]} width={2.5} />
        <RuleY y={a} label={s.inferenceValue} />
      </Plot>
      <p className="drop-readout">
        {silent ? (
          s.silentUnit(unit)
        ) : (
          <>
            {s.scalingReadout(n, num(mean), num(samples.expected), num(a))} <strong>{scaled || p === 0 ? s.scalingVerdict.scaled : s.scalingVerdict.unscaled(significant(1 - p, 2))}</strong>
          </>
        )}
      </p>
    </figure>
  );
}
