// The figure's two pictures: the four training losses against step, and the gradient of every
// block against its depth, both on log scales; and each network's mark (its colour, dash and
// marker), which the table uses as the legend.
import { symbol } from 'd3-shape';
import { classSymbols, Dots, LinePath, Plot, seriesColors } from '../kit/index.ts';
import { count } from '../kit/format.ts';
import { DASHES, gradientDomain, lossDomain, type NetResult } from './results.ts';
import { plainVsResidualStrings as s } from './strings.ts';

export function NetMark({ k, size = 28 }: { k: number; size?: number }) {
  return (
    <svg width={size} height="12" aria-hidden="true" className="pvr-mark">
      <line x1="0" x2={size} y1="6" y2="6" stroke={seriesColors[k]} strokeWidth="2.5" strokeDasharray={DASHES[k]} />
      <path d={symbol(classSymbols[k], 40)() ?? ''} transform={`translate(${size / 2} 6)`} fill={seriesColors[k]} stroke="var(--bg, #fff)" strokeWidth="1" />
    </svg>
  );
}

interface ChartProps {
  results: NetResult[];
  /** Each network's name as the figure writes it (with its normalisation). */
  names: string[];
  presenting: boolean;
}

const size = (presenting: boolean) => (presenting ? { width: 520, height: 320 } : { width: 400, height: 220 });

export function LossPlot({ results, names, presenting }: ChartProps) {
  // The axis grows with the run, from 50 steps: the first steps, where the four part, are not squeezed.
  const lastStep = Math.max(50, ...results.map((r) => r.loss.at(-1)?.[0] ?? 0));
  const parts = results.flatMap((r, k) => {
    if (!r.loss.length) return [];
    const [steps, last] = r.loss.at(-1)!;
    return [r.stop ? s.lossPartDiverged(names[k], r.stop.step, last) : s.lossPart(names[k], steps, r.loss[0][1], last)];
  });
  return (
    <Plot
      {...size(presenting)}
      x={{ domain: [0, lastStep], label: s.stepX, ticks: 4, format: (v) => count(v) }}
      y={{ domain: lossDomain(results), label: s.lossY, log: true, ticks: 4 }}
      title={s.lossTitle}
      description={s.lossDescription(parts.join('; '))}
    >
      {results.map((r, k) => (
        <LinePath key={r.name} points={r.loss} color={seriesColors[k]} dash={DASHES[k]} width={presenting ? 3 : 2} />
      ))}
      <Dots points={results.flatMap((r, k) => (r.loss.length ? [{ x: r.loss.at(-1)![0], y: r.loss.at(-1)![1], cls: k }] : []))} size={presenting ? 80 : 50} />
    </Plot>
  );
}

/** Markers on about a dozen blocks of each line: enough to tell the lines apart where they cross. */
function markedBlocks(blocks: number): number[] {
  const every = Math.max(1, Math.ceil(blocks / 12));
  return Array.from({ length: blocks }, (_, i) => i + 1).filter((b) => (b - 1) % every === 0 || b === blocks);
}

export function GradientPlot({ results, names, presenting, when }: ChartProps & { when: string }) {
  const blocks = Math.max(2, ...results.map((r) => r.norms.length));
  const drawn = results.map((r, k) => ({ r, k })).filter(({ r }) => r.norms.length > 0);
  const parts = drawn.map(({ r, k }) => {
    const positive = r.norms.filter((v) => v > 0);
    if (positive.length === 0) return s.allZero(names[k]);
    return s.gradientPart(names[k], r.norms[0], r.norms.at(-1)!, Math.min(...positive), Math.max(...positive));
  });
  const zeros = drawn.flatMap(({ r, k }) => {
    const n = r.norms.filter((v) => v === 0).length;
    return n > 0 && n < r.norms.length ? [s.zeroBlocks(names[k], n)] : [];
  });
  const marked = markedBlocks(blocks);
  return (
    <Plot
      {...size(presenting)}
      x={{ domain: [1, blocks], label: s.blockX, ticks: 5, format: (v) => (Number.isInteger(v) ? count(v) : '') }}
      y={{ domain: gradientDomain(results), label: s.gradientY, log: true, ticks: 5 }}
      title={s.gradientTitle}
      description={`${s.gradientDescription(when, parts.join('; '))} ${zeros.join(' ')}`.trim()}
    >
      {drawn.map(({ r, k }) => (
        <LinePath key={r.name} points={r.norms.map((v, i) => [i + 1, v] as [number, number])} color={seriesColors[k]} dash={DASHES[k]} width={presenting ? 3 : 2} />
      ))}
      <Dots points={drawn.flatMap(({ r, k }) => marked.filter((b) => r.norms[b - 1] > 0).map((b) => ({ x: b, y: r.norms[b - 1], cls: k })))} size={presenting ? 50 : 30} />
    </Plot>
  );
}
