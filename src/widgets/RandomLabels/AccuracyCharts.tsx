// The figure's two pictures, on the same fixed axes (0 to 100 %, chance marked): training accuracy
// against epoch, where both networks climb to the top, and test accuracy, where only the one
// trained on true labels does; and the legend they share. The two networks differ by dash and
// marker as well as by colour.
import { symbol } from 'd3-shape';
import type { EpochAccuracy } from '../../models/generalisation/randomLabels/labelPair.ts';
import { classColor, classSymbols, Dots, LinePath, Plot, RuleY } from '../kit/index.ts';
import { count } from '../kit/format.ts';
import { randomLabelsStrings as s } from './strings.ts';

export const NET_COLORS = [classColor(0), classColor(1)] as const;
const NET_DASHES = [undefined, '7 4'] as const;
const CHANCE_COLOR = 'var(--text-muted, #666)';
const CHANCE = 0.1;

const size = (presenting: boolean) => (presenting ? { width: 480, height: 290 } : { width: 340, height: 175 });

/** The epoch axis grows in tens from 20, so a run's first epochs are not squeezed. */
export const epochDomain = (history: readonly EpochAccuracy[]): [number, number] => [0, Math.max(20, Math.ceil((history.at(-1)?.epoch ?? 0) / 10) * 10)];

interface AccuracyPlotProps {
  history: readonly EpochAccuracy[];
  which: 'train' | 'test';
  presenting: boolean;
}

export function AccuracyPlot({ history, which, presenting }: AccuracyPlotProps) {
  const names = [s.names.true, s.names.random];
  const last = history.at(-1);
  const parts = last && history.length > 1 ? names.map((name, k) => s.curvePart(name, history[0][which][k], last[which][k], last.epoch)).join('; ') : '';
  return (
    <Plot
      {...size(presenting)}
      x={{ domain: epochDomain(history), label: s.epochX, ticks: 5, format: (v) => count(v) }}
      y={{ domain: [0, 1], label: which === 'train' ? s.trainY : s.testY, ticks: 5, format: (v) => `${Math.round(v * 100)}%` }}
      title={which === 'train' ? s.trainTitle : s.testTitle}
      description={which === 'train' ? s.trainDescription(parts) : s.testDescription(parts)}
    >
      <RuleY y={CHANCE} color={CHANCE_COLOR} label={s.chance} />
      {[0, 1].map((k) => (
        <LinePath key={k} points={history.map((p) => [p.epoch, p[which][k]] as const)} color={NET_COLORS[k]} dash={NET_DASHES[k]} width={presenting ? 3 : 2} />
      ))}
      {last ? <Dots points={[0, 1].map((k) => ({ x: last.epoch, y: last[which][k], cls: k }))} size={presenting ? 80 : 50} /> : null}
    </Plot>
  );
}

/** A network's mark: its line, dash and marker, as the plots draw it (chance is labelled in the plots). */
export function NetMark({ k }: { k: number }) {
  return (
    <svg width="28" height="12" aria-hidden="true" className="rlab-mark">
      <line x1="0" x2="28" y1="6" y2="6" stroke={NET_COLORS[k]} strokeWidth="2.5" strokeDasharray={NET_DASHES[k]} />
      <path d={symbol(classSymbols[k], 40)() ?? ''} transform="translate(14 6)" fill={NET_COLORS[k]} stroke="var(--bg, #fff)" strokeWidth="1" />
    </svg>
  );
}

export function Legend() {
  return (
    <ul className="plot-legend rlab-legend">
      {[s.names.true, s.names.random].map((name, k) => (
        <li key={name}>
          <NetMark k={k} /> {name}
        </li>
      ))}
    </ul>
  );
}
