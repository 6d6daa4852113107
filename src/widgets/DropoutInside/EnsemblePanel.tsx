// The ensemble panel: at the probe point, each thinned network's own probability (faint dots), the
// average of the first K of them for every K up to 128 (the line, on a log axis), and the single
// inference pass (dashed). The average settles close to the inference pass, though not on it: for a
// network with nonlinear hidden units the inference pass is an approximation to the average.
import type { PointEnsemble } from '../../models/generalisation/dropout/thinned.ts';
import { Dots, LinePath, Plot, RuleX, RuleY, seriesColors } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import { dropoutStrings as s } from './strings.ts';

interface Props {
  ensemble: PointEnsemble;
  k: number;
  averageName: string;
  width: number;
  height: number;
}

const prob = (v: number) => fixed(v, 3);

export function EnsemblePanel({ ensemble, k, averageName, width, height }: Props) {
  const { members, averaged, inference } = ensemble;
  const K = averaged.length;
  const atK = averaged[Math.min(K, k) - 1];
  return (
    <figure className="drop-panel">
      <figcaption className="drop-panel-title">{s.ensembleTitle}</figcaption>
      <Plot
        width={width}
        height={height}
        x={{ domain: [1, K], label: s.kAxis, log: true }}
        y={{ domain: [0, 1], label: s.probAxis, ticks: 3 }}
        title={s.ensembleTitle}
        description={s.ensembleDescription(averageName, prob(inference), k, prob(atK), prob(averaged[K - 1]))}
        margin={{ top: 8, right: 12, bottom: 36 }}
      >
        <Dots points={members.map((v, i) => ({ x: i + 1, y: v, cls: 0 }))} size={12} opacity={0.35} />
        <RuleY y={inference} label={s.inferenceLine} />
        <RuleX x={k} color="var(--text-muted)" />
        <LinePath points={averaged.map((v, i) => [i + 1, v] as const)} color={seriesColors[1]} width={2.5} />
      </Plot>
      <p className="drop-readout">{s.ensembleReadout(k, prob(atK), prob(inference), prob(Math.abs(atK - inference)))}</p>
    </figure>
  );
}
